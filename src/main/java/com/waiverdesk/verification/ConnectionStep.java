package com.waiverdesk.verification;

/** The steps of a {@link ConnectionTest}, in the order a request takes them; the first failure ends the test. */
public enum ConnectionStep {
    /** The base URL (https, or http to loopback only) and the CA bundle and pins. */
    SETTINGS,
    /** Name resolution of the service's host; not applicable when the URL holds an IP address. */
    DNS,
    /** The TCP connection to host and port. */
    CONNECT,
    /** The TLS handshake: trust, validity, host name, pins, protocol; not applicable to plain http on loopback. */
    TLS,
    /** The signed {@code GET /api/v1/health} and the arrival of its status line. */
    REQUEST,
    /** What the reply says: up, or which refusal of the spec's error table. */
    ANSWER
}
