package com.waiverdesk.contract;

import com.waiverdesk.verification.RequestSigner;
import com.waiverdesk.verification.ServiceAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One request to the mock signed by hand with {@link RequestSigner} as the spec says, with a knob per part a test
 * breaks; it drives the mock without the production client, so the mock is held to the contract on its own.
 */
final class SignedRequest {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestSigner SIGNER = new RequestSigner();

    final String method;
    final String path;
    final byte[] body;
    String accountId;
    byte[] secret;
    long timestamp;
    String nonce = SIGNER.newNonce();
    String requestId = UUID.randomUUID().toString();
    /** Sent instead of the computed signature when set. */
    String signature;
    /** Header left out entirely, or {@code null}. */
    String omitted;

    private SignedRequest(String method, String path, byte[] body, ServiceAccount account, long timestamp) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.accountId = account.accountId();
        this.secret = account.secret();
        this.timestamp = timestamp;
    }

    static SignedRequest verify(ServiceAccount account, long timestamp, String json) {
        return new SignedRequest("POST", OpenApiContract.VERIFY_PATH, json.getBytes(StandardCharsets.UTF_8), account,
                timestamp);
    }

    static SignedRequest health(ServiceAccount account, long timestamp) {
        return new SignedRequest("GET", OpenApiContract.HEALTH_PATH, new byte[0], account, timestamp);
    }

    /** Sends to {@code baseUrl} (which ends with a slash) plus the path; the signature covers the path as sent. */
    Reply send(String baseUrl) throws IOException {
        String url = baseUrl.replaceAll("/$", "") + path;
        String signedPath = okhttp3.HttpUrl.get(url).encodedPath();
        String canonical = RequestSigner.canonical(method, signedPath, timestamp, nonce, body);
        Request.Builder request = new Request.Builder().url(url)
                .method(method, method.equals("GET") ? null : RequestBody.create(body, JSON));
        header(request, RequestSigner.ACCOUNT_HEADER, accountId);
        header(request, RequestSigner.TIMESTAMP_HEADER, Long.toString(timestamp));
        header(request, RequestSigner.NONCE_HEADER, nonce);
        header(request, RequestSigner.REQUEST_ID_HEADER, requestId);
        header(request, RequestSigner.SIGNATURE_HEADER,
                signature != null ? signature : RequestSigner.signature(secret, canonical));
        try (Response response = HTTP.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.headers(), response.body().bytes());
        }
    }

    private void header(Request.Builder request, String name, String value) {
        if (!name.equals(omitted)) {
            request.header(name, value);
        }
    }

    /** What came back, whole. */
    record Reply(int status, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
