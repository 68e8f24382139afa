package com.waiverdesk.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;

/**
 * The shared {@link OkHttpClient} for the verification API and the base-URL rule of the spec, so the composition
 * root and the client agree on both.
 */
public final class VerificationHttp {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** TLS 1.2 and 1.3 only; cleartext stays allowed because {@link #parseBaseUrl} admits http to loopback only. */
    static final List<ConnectionSpec> CONNECTION_SPECS = List.of(
            new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
                    .build(),
            ConnectionSpec.CLEARTEXT);

    private VerificationHttp() {
    }

    /** The production client: build once, share everywhere (one connection pool). */
    public static OkHttpClient newOkHttpClient() {
        return builder().build();
    }

    /**
     * A client for the built-in demo service on loopback: plain HTTP only, so it never loads the system's trust store
     * and TLS providers, a few hundred ms of a workstation's start for a connection that has no TLS.
     */
    public static OkHttpClient newLoopbackClient() {
        return builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    /**
     * The production client with a hospital's CA bundle (in place of the system trust store) and certificate pins.
     *
     * @throws IllegalArgumentException naming the CA bundle file when it cannot be read or holds no certificate
     */
    public static OkHttpClient newOkHttpClient(TlsSettings tls) {
        OkHttpClient.Builder builder = builder();
        if (tls.caBundle() != null) {
            X509TrustManager trust = trustManager(tls);
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trust}, null);
                builder.sslSocketFactory(context.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up TLS with the CA bundle " + tls.caBundle() + ": "
                        + e.getMessage(), e);
            }
        }
        if (!tls.pins().isEmpty()) {
            CertificatePinner.Builder pinner = new CertificatePinner.Builder();
            for (String pin : tls.pins()) {
                pinner.add(tls.host(), pin);
            }
            builder.certificatePinner(pinner.build());
        }
        return builder.build();
    }

    private static X509TrustManager trustManager(TlsSettings tls) {
        try (InputStream in = Files.newInputStream(tls.caBundle())) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("the CA bundle " + tls.caBundle() + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate ca : cas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    return (X509TrustManager) manager;
                }
            }
            throw new IllegalArgumentException("no X.509 trust manager for the CA bundle " + tls.caBundle());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA bundle " + tls.caBundle() + " as PEM certificates ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The settings every verification call relies on: no redirects, no silent retries, TLS 1.2+ only; trust and pins
     * are added by {@link #newOkHttpClient(TlsSettings)}.
     */
    public static OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder()
                .connectionSpecs(CONNECTION_SPECS)
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

    /**
     * What a TLS failure was, for the log ({@code TLS: certificate not trusted} …), or {@code null} when the
     * failure was not TLS. A certificate fault stays {@code UNREACHABLE}: the clerk's action is the same.
     */
    static String describeTls(IOException e) {
        TlsProblem problem = classifyTls(e);
        return problem == null ? null : problem == TlsProblem.HANDSHAKE_FAILED
                ? "TLS: handshake failed (" + e.getClass().getSimpleName() + ")" : "TLS: " + problem.description;
    }

    /** The one place that tells TLS failures apart, for the log and for {@link ConnectionTest}. */
    static TlsProblem classifyTls(IOException e) {
        if (!(e instanceof SSLException)) {
            return null;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SSLPeerUnverifiedException) {
            return message.startsWith("Certificate pinning failure") ? TlsProblem.PIN_MISMATCH
                    : message.startsWith("Hostname") ? TlsProblem.HOSTNAME_MISMATCH : TlsProblem.PEER_NOT_VERIFIED;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return TlsProblem.CERTIFICATE_EXPIRED;
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.security.cert.CertificateException
                    || cause instanceof java.security.cert.CertPathValidatorException) {
                return TlsProblem.UNTRUSTED;
            }
        }
        // the JDK's words when the server offers only TLS 1.1 or older: the server's alert, the server choosing
        // an old version ("The server selected protocol version TLS10 is not accepted…"), or no common protocol
        if (message.contains("protocol_version") || message.contains("protocol version")
                || message.contains("No appropriate protocol")) {
            return TlsProblem.OLD_PROTOCOL;
        }
        return TlsProblem.HANDSHAKE_FAILED;
    }

    /** The kinds of TLS failure an IT person can act on differently. */
    enum TlsProblem {
        PIN_MISMATCH("pin mismatch"),
        HOSTNAME_MISMATCH("hostname mismatch"),
        PEER_NOT_VERIFIED("peer not verified"),
        CERTIFICATE_EXPIRED("certificate expired or not yet valid"),
        UNTRUSTED("certificate not trusted"),
        OLD_PROTOCOL("server offers no protocol from TLS 1.2 up"),
        HANDSHAKE_FAILED("handshake failed");

        final String description;

        TlsProblem(String description) {
            this.description = description;
        }
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
