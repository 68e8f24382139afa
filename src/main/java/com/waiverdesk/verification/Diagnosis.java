package com.waiverdesk.verification;

/**
 * What a {@link ConnectionTest} found, one value per thing IT does differently. The sentence and the action for each
 * live in a resource bundle of the faces ({@code app/ConnectionTexts}), so this package stays free of wording.
 * {@link #code()} is a stable number to quote on the phone and the exit status of {@code waiverdesk test-connection}.
 */
public enum Diagnosis {
    OK(0, ConnectionStep.ANSWER),
    /** Accepted, but the workstation clock is so far off that a little more drift gets requests refused. */
    CLOCK_NEAR_LIMIT(10, ConnectionStep.ANSWER),

    URL_INVALID(20, ConnectionStep.SETTINGS),
    /** Plain http to a host that is not loopback: the client refuses to send a signed request there. */
    URL_NOT_HTTPS(21, ConnectionStep.SETTINGS),
    /** The CA bundle cannot be read or holds no certificate. */
    TLS_SETTINGS_INVALID(22, ConnectionStep.SETTINGS),

    DNS_FAILED(30, ConnectionStep.DNS),
    CONNECTION_REFUSED(31, ConnectionStep.CONNECT),
    CONNECT_TIMEOUT(32, ConnectionStep.CONNECT),
    /** Any other connection failure: no route to host, network down. */
    CONNECT_FAILED(33, ConnectionStep.CONNECT),

    TLS_UNTRUSTED(40, ConnectionStep.TLS),
    TLS_EXPIRED(41, ConnectionStep.TLS),
    TLS_HOST_MISMATCH(42, ConnectionStep.TLS),
    TLS_PIN_MISMATCH(43, ConnectionStep.TLS),
    TLS_OLD_PROTOCOL(44, ConnectionStep.TLS),
    TLS_FAILED(45, ConnectionStep.TLS),

    CLOCK_SKEW(50, ConnectionStep.ANSWER),
    BAD_SIGNATURE(51, ConnectionStep.ANSWER),
    UNKNOWN_ACCOUNT(52, ConnectionStep.ANSWER),
    ACCOUNT_DISABLED(53, ConnectionStep.ANSWER),
    PURPOSE_NOT_ALLOWED(54, ConnectionStep.ANSWER),
    /** 400, 409 or another refusal in the spec's error form that a health check should never get. */
    REQUEST_REJECTED(55, ConnectionStep.ANSWER),

    /** 404, a redirect, HTML, or JSON that is not the health reply: the URL points at something else. */
    NOT_THE_SERVICE(60, ConnectionStep.ANSWER),
    /** 5xx, or a health reply that is not {@code UP}. */
    SERVICE_FAILING(61, ConnectionStep.ANSWER),
    RATE_LIMITED(62, ConnectionStep.ANSWER),
    /** Connected, but no reply within the time limit, or the connection dropped. */
    NO_ANSWER(63, ConnectionStep.REQUEST);

    private final int code;
    private final ConnectionStep step;

    Diagnosis(int code, ConnectionStep step) {
        this.code = code;
        this.step = step;
    }

    /** 0 for OK, 10 for a warning, 20 and up for a failure, grouped by step. */
    public int code() {
        return code;
    }

    /** The step this diagnosis is found at. */
    public ConnectionStep step() {
        return step;
    }

    /** Whether verifications will go through (possibly with a warning). */
    public boolean works() {
        return code < 20;
    }
}
