package com.waiverdesk.mock;

import com.sun.net.httpserver.Headers;
import com.waiverdesk.verification.RequestSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Authenticates a signed request the way the municipal service does, in the spec's order: account, headers, clock
 * skew, signature, nonce replay, disabled account. Used by every endpoint.
 */
final class RequestGate {
    static final Duration MAX_SKEW = Duration.ofSeconds(300);
    static final Duration NONCE_MEMORY = Duration.ofMinutes(10);
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,15}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, MockAccount> accounts;
    private final Clock clock;
    private final ExpiringCache<Boolean> seenNonces;

    RequestGate(Map<String, MockAccount> accounts, Clock clock, int maxRememberedNonces) {
        this.accounts = Map.copyOf(accounts);
        this.clock = clock;
        this.seenNonces = new ExpiringCache<>(clock, NONCE_MEMORY, maxRememberedNonces);
    }

    /** Who sent the request, once it passed every check. */
    record Caller(MockAccount account, String requestId) {
    }

    /**
     * @param rawPath the path exactly as received, prefix included, which is what the client signed
     */
    Caller admit(String method, String rawPath, Headers headers, byte[] body) throws RejectedRequest {
        String accountId = headers.getFirst(RequestSigner.ACCOUNT_HEADER);
        if (accountId == null || accountId.isBlank()) {
            throw invalid("missing header " + RequestSigner.ACCOUNT_HEADER);
        }
        MockAccount account = accounts.get(accountId);
        if (account == null) {
            throw new RejectedRequest(401, "UNKNOWN_ACCOUNT", "no such query account");
        }
        String timestamp = required(headers, RequestSigner.TIMESTAMP_HEADER, TIMESTAMP, "Unix epoch milliseconds");
        String nonce = required(headers, RequestSigner.NONCE_HEADER, NONCE, "32 lower-case hex characters");
        String requestId = required(headers, RequestSigner.REQUEST_ID_HEADER, UUID, "a UUID");
        String signature = headers.getFirst(RequestSigner.SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw invalid("missing header " + RequestSigner.SIGNATURE_HEADER);
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(sentAt - clock.millis()) > MAX_SKEW.toMillis()) {
            throw new RejectedRequest(401, "CLOCK_SKEW", "request time is more than " + MAX_SKEW.toSeconds()
                    + " s from the service clock; check the workstation clock");
        }
        String canonical = RequestSigner.canonical(method, rawPath, sentAt, nonce, body);
        if (!RequestSigner.signatureMatches(account.secret(), canonical, signature)) {
            throw new RejectedRequest(401, "BAD_SIGNATURE", "signature does not match the request");
        }
        // Remembered only now: an unsigned request must not be able to burn a nonce of the real client.
        if (seenNonces.putIfAbsent(accountId + "\n" + nonce, Boolean.TRUE) != null) {
            throw new RejectedRequest(409, "NONCE_REUSED", "nonce already used; sign the request again");
        }
        if (!account.enabled()) {
            throw new RejectedRequest(403, "ACCOUNT_DISABLED", "query account is disabled");
        }
        return new Caller(account, requestId);
    }

    private static String required(Headers headers, String name, Pattern form, String expected)
            throws RejectedRequest {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw invalid("missing header " + name);
        }
        if (!form.matcher(value).matches()) {
            throw invalid("header " + name + " must be " + expected);
        }
        return value;
    }

    private static RejectedRequest invalid(String message) {
        return new RejectedRequest(400, "INVALID_REQUEST", message);
    }
}
