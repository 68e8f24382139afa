package com.waiverdesk.verification;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One try of a request: a fresh timestamp, nonce and signature each time, a call timeout of what is left of the
 * budget, and never more than 1 MiB of reply read, whatever the server sends.
 */
final class SignedAttempt {
    static final long MAX_BODY_BYTES = 1L << 20;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String accountId;
    private final byte[] secret;
    private final Clock clock;
    private final Supplier<String> nonces;

    SignedAttempt(OkHttpClient http, ServiceAccount account, Clock clock, Supplier<String> nonces) {
        this.http = http;
        this.accountId = account.accountId();
        this.secret = account.secret();
        this.clock = clock;
        this.nonces = nonces;
    }

    Result run(String method, HttpUrl url, byte[] body, String requestId, long timeoutNanos) {
        Call call = http.newCall(signedRequest(method, url, body, requestId));
        call.timeout().timeout(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            byte[] bytes = readCapped(response.body());
            if (bytes == null) {
                // closing would otherwise try to drain the rest of an oversized body
                call.cancel();
            }
            return new Result(response.code(), response.header("Content-Type"), bytes,
                    response.header("Retry-After"), false, null);
        } catch (IOException e) {
            // OkHttp cancels the call when its timeout fires
            String tls = VerificationHttp.describeTls(e);
            String problem = tls != null ? tls : e.getClass().getSimpleName();
            return new Result(-1, null, null, null, call.isCanceled(), problem);
        }
    }

    /**
     * The request with a fresh timestamp, nonce and signature; shared with {@link ConnectionTest}, which sends it
     * itself to see each phase of the connection.
     */
    Request signedRequest(String method, HttpUrl url, byte[] body, String requestId) {
        long timestamp = clock.millis();
        String nonce = nonces.get();
        String canonical = RequestSigner.canonical(method, url.encodedPath(), timestamp, nonce, body);
        return new Request.Builder().url(url)
                .header(RequestSigner.ACCOUNT_HEADER, accountId)
                .header(RequestSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(RequestSigner.NONCE_HEADER, nonce)
                .header(RequestSigner.REQUEST_ID_HEADER, requestId)
                .header(RequestSigner.SIGNATURE_HEADER, RequestSigner.signature(secret, canonical))
                .header("Accept", "application/json")
                .method(method, method.equals("GET") ? null : RequestBody.create(body, JSON))
                .build();
    }

    /** At most 1 MiB + 1 byte is taken from the stream; {@code null} when the body is larger than 1 MiB. */
    static byte[] readCapped(ResponseBody body) throws IOException {
        if (body.contentLength() > MAX_BODY_BYTES) {
            return null;
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= MAX_BODY_BYTES) {
            if (source.read(buffer, MAX_BODY_BYTES + 1 - buffer.size()) == -1) {
                return buffer.readByteArray();
            }
        }
        return null;
    }

    /**
     * What one try got back.
     *
     * @param status HTTP status, or -1 when no response arrived
     * @param body   at most 1 MiB, or {@code null} when larger or absent
     */
    record Result(int status, String contentType, byte[] body, String retryAfter, boolean timedOut,
                  String ioProblem) {
        String describe() {
            return status >= 0 ? "HTTP " + status : (timedOut ? "timed out (" : "I/O failure (") + ioProblem + ")";
        }
    }
}
