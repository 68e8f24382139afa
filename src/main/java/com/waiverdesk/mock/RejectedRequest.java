package com.waiverdesk.mock;

/** Ends the checks of a request with the spec's error reply; thrown, so that the checks read top to bottom. */
final class RejectedRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient MockReply reply;

    RejectedRequest(int status, String code, String message) {
        this(MockReply.error(status, code, message));
    }

    private RejectedRequest(MockReply reply) {
        super(reply.status() + " " + reply.errorCode(), null, false, false);
        this.reply = reply;
    }

    static RejectedRequest rateLimited(long retryAfterSeconds) {
        return new RejectedRequest(MockReply.error(429, "RATE_LIMITED", "too many requests, retry after "
                + retryAfterSeconds + " s").withHeader("Retry-After", Long.toString(retryAfterSeconds)));
    }

    MockReply reply() {
        return reply;
    }
}
