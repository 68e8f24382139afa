package com.waiverdesk.mock;

import com.waiverdesk.verification.RequestSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One request to the mock, signed by hand with {@link RequestSigner} the way the spec says, with knobs to break each
 * part; it tests the mock without the production client.
 */
final class SignedCall {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestSigner SIGNER = new RequestSigner();

    String method = "POST";
    String path = ApiHandler.VERIFY_PATH;
    String signedPath;
    byte[] body = new byte[0];
    String accountId;
    byte[] secret;
    long timestamp;
    /** Sent instead of {@link #timestamp} when set, to garble the header. */
    String timestampText;
    String nonce = SIGNER.newNonce();
    String requestId = UUID.randomUUID().toString();
    String signature;
    final Set<String> omitted = new HashSet<>();

    SignedCall(String accountId, byte[] secret, long timestamp) {
        this.accountId = accountId;
        this.secret = secret;
        this.timestamp = timestamp;
    }

    SignedCall body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    SignedCall health() {
        method = "GET";
        path = ApiHandler.HEALTH_PATH;
        body = new byte[0];
        return this;
    }

    /** A retry of the same query: new nonce, same request id. */
    SignedCall freshNonce() {
        nonce = SIGNER.newNonce();
        return this;
    }

    SignedCall omit(String header) {
        omitted.add(header);
        return this;
    }

    /** Sends to the mock's root ({@code http://127.0.0.1:PORT}) plus the path, signed over {@code signedPath}. */
    Reply send(OkHttpClient http, String root) throws IOException {
        String canonical = RequestSigner.canonical(method, signedPath != null ? signedPath : path, timestamp, nonce,
                body);
        Request.Builder request = new Request.Builder().url(root + path)
                .method(method, "GET".equals(method) ? null : RequestBody.create(body, JSON));
        header(request, RequestSigner.ACCOUNT_HEADER, accountId);
        header(request, RequestSigner.TIMESTAMP_HEADER,
                timestampText != null ? timestampText : Long.toString(timestamp));
        header(request, RequestSigner.NONCE_HEADER, nonce);
        header(request, RequestSigner.REQUEST_ID_HEADER, requestId);
        header(request, RequestSigner.SIGNATURE_HEADER,
                signature != null ? signature : RequestSigner.signature(secret, canonical));
        try (Response response = http.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.header("Content-Type"), response.header("Retry-After"),
                    response.body().bytes());
        }
    }

    private void header(Request.Builder request, String name, String value) {
        if (!omitted.contains(name)) {
            request.header(name, value);
        }
    }

    /** What came back. */
    record Reply(int status, String contentType, String retryAfter, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
