package com.waiverdesk.ui.audit;

import com.waiverdesk.audit.AuditReadException;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.domain.Channel;
import java.time.Instant;

/**
 * Where an entry stands in the supervisor's review, as the detail pane shows it: only paper entries are reviewed.
 *
 * @param approved   for {@link Status#REVIEWED}: approved ({@code false}: rejected)
 * @param reason     the supervisor's reason; may be empty for an approval
 * @param supervisor who reviewed
 * @param time       when
 */
public record ReviewState(Status status, boolean approved, String reason, String supervisor, Instant time,
                          String workstation) {
    public enum Status {
        /** not a paper entry: nothing to review */
        NOT_PAPER,
        /** a paper entry; its review is being read */
        READING,
        PENDING,
        REVIEWED,
        /** the access chain could not be read */
        UNREADABLE
    }

    static ReviewState of(Status status) {
        return new ReviewState(status, false, null, null, null, null);
    }

    /** What is known before asking the store: whether the entry is a paper one at all. */
    static ReviewState reading(StoredEntry entry) {
        return of(isPaper(entry) ? Status.READING : Status.NOT_PAPER);
    }

    static ReviewState unreadable() {
        return of(Status.UNREADABLE);
    }

    static boolean isPaper(StoredEntry entry) {
        return entry.entry().channel() == Channel.PAPER;
    }

    /** Blocking: reads the entry's review from the access chain. */
    static ReviewState read(AuditReader reader, StoredEntry entry) throws AuditReadException {
        if (!isPaper(entry)) {
            return of(Status.NOT_PAPER);
        }
        return reader.review(entry.seq()).map(ReviewState::of).orElse(of(Status.PENDING));
    }

    static ReviewState of(Review review) {
        return new ReviewState(Status.REVIEWED, review.approved(), review.reason(), review.supervisor(), review.time(),
                review.workstation());
    }
}
