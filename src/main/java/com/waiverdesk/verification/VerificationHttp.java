package com.waiverdesk.verification;

import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The shared {@link OkHttpClient} for the verification API and the base-URL rule of the spec, so the composition
 * root and the client agree on both.
 */
public final class VerificationHttp {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private VerificationHttp() {
    }

    /** The production client: build once, share everywhere (one connection pool). */
    public static OkHttpClient newOkHttpClient() {
        return builder().build();
    }

    /**
     * The settings every verification call relies on. This is the seam for the hospital's CA bundle and certificate
     * pinning ({@code sslSocketFactory}, {@code certificatePinner}): add them here before {@code build()}; until
     * then the JDK's default trust store applies.
     */
    public static OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder()
                // a redirect would be re-signed for a path we did not sign, or leak the query to another host
                .followRedirects(false)
                .followSslRedirects(false)
                // OkHttp's silent retry would resend the same nonce; our own retry signs afresh
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10));
    }

    /**
     * Parses and checks a configured base URL: https anywhere, plain http only to a loopback address (the mock);
     * no query, fragment or credentials, since they would not be signed.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HttpUrl parseBaseUrl(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl == null ? "" : baseUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("verification base URL is not an http(s) URL: " + baseUrl);
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("verification base URL must not carry credentials");
        }
        String shown = url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
        if (url.encodedQuery() != null || url.encodedFragment() != null) {
            throw new IllegalArgumentException("verification base URL must not have a query or fragment: " + shown);
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new IllegalArgumentException("verification base URL " + shown
                    + " uses plain http to a non-loopback host; use https (plain http is only for the local mock"
                    + " on 127.0.0.1, ::1 or localhost)");
        }
        return url;
    }

    /** By the literal only: a name is never resolved, so {@code localhost.example.com} does not pass. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || LOOPBACK_V4.matcher(host).matches();
    }

    /** The API path under the base URL, keeping its prefix: {@code https://h/gw/} → {@code /gw/api/v1/…}. */
    static HttpUrl resolve(HttpUrl base, String apiPath) {
        return base.newBuilder().addPathSegments(apiPath).build();
    }
}
