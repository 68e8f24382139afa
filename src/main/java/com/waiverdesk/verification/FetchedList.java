package com.waiverdesk.verification;

import com.waiverdesk.domain.ServiceFailure;

/**
 * What a list fetch got: the compact text of the list as the service sent it (not yet verified against the root),
 * or why there is none.
 *
 * @param text      {@code SHTL1.…} or {@code SHRL1.…}, or {@code null} on failure
 * @param failure   {@code null} when {@code text} is present
 * @param errorCode the service's {@code error} code of an error reply, may be {@code null}
 */
public record FetchedList(String text, ServiceFailure failure, String errorCode) {
    public FetchedList {
        if ((text == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of text and failure");
        }
    }

    static FetchedList of(String text) {
        return new FetchedList(text, null, null);
    }

    static FetchedList failed(ServiceFailure failure, String errorCode) {
        return new FetchedList(null, failure, errorCode);
    }

    public boolean fetched() {
        return text != null;
    }
}
