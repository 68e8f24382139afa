package com.waiverdesk.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * IT's "test connection": one signed {@code GET /api/v1/health}, sent through the same client settings, signer and TLS
 * checks as a real verification, watched phase by phase (DNS, TCP, TLS, request, answer) so that the report says which
 * step failed and why. No retry: a diagnosis wants the first failure, not the last. Blocking; at most the budget.
 */
public final class ConnectionTest {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    /** The service refuses a timestamp further than this from its own clock ({@code verification-api.md}). */
    public static final long SKEW_LIMIT_SECONDS = 300;
    /** An accepted request whose clock is this far off is reported with a warning: 4 of the 5 minutes are used up. */
    public static final long SKEW_WARNING_SECONDS = 240;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final System.Logger LOG = System.getLogger(ConnectionTest.class.getName());

    private final ReplyParser parser;
    private final Clock clock;
    private final Duration budget;
    private final Supplier<String> nonces;
    private final Dns resolver;

    /**
     * @param clock  the workstation clock that signs the request (and that the offset is measured against)
     * @param budget the whole test, DNS to answer
     */
    public ConnectionTest(ObjectMapper mapper, Clock clock, Duration budget) {
        this(mapper, clock, budget, Dns.SYSTEM);
    }

    /** With another resolver, for a test of a lookup that never returns. */
    ConnectionTest(ObjectMapper mapper, Clock clock, Duration budget, Dns resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.parser = new ReplyParser(Objects.requireNonNull(mapper, "mapper"));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive: " + budget);
        }
        this.budget = budget;
        this.nonces = new RequestSigner()::newNonce;
    }

    /** Runs every step in order; never throws for anything the network or the service does. */
    public ConnectionReport run(ServiceAccount account, TlsSettings tls) {
        ConnectionReport report = new Run(account, tls).execute();
        LOG.log(System.Logger.Level.INFO, "connection test of {0}:{1}: {2} (code {3}) in {4} ms; {5}",
                report.host(), String.valueOf(report.port()), report.diagnosis(),
                String.valueOf(report.diagnosis().code()), String.valueOf(report.elapsed().toMillis()),
                report.steps().stream().map(s -> s.step() + " " + s.outcome() + " " + s.elapsed().toMillis() + " ms")
                        .collect(Collectors.joining(", ")));
        return report;
    }

    /** The state of one test. */
    private final class Run {
        private final ServiceAccount account;
        private final TlsSettings tls;
        private final long start = System.nanoTime();
        private final long deadline = start + budget.toNanos();
        private final Map<ConnectionStep, StepResult> steps = new EnumMap<>(ConnectionStep.class);
        private final PhaseListener phases = new PhaseListener(clock);
        private final HttpUrl parsed;
        private Long offsetSeconds;
        private int status = -1;
        private String errorCode;

        Run(ServiceAccount account, TlsSettings tls) {
            this.account = account;
            this.tls = tls;
            this.parsed = HttpUrl.parse(account.baseUrl().trim());
        }

        ConnectionReport execute() {
            HttpUrl base;
            try {
                base = VerificationHttp.parseBaseUrl(account.baseUrl());
            } catch (IllegalArgumentException e) {
                boolean plainHttp = parsed != null && !parsed.isHttps() && parsed.username().isEmpty()
                        && parsed.password().isEmpty() && parsed.encodedQuery() == null
                        && parsed.encodedFragment() == null;
                step(ConnectionStep.SETTINGS, StepOutcome.FAILED, System.nanoTime() - start, plainHttp ? "http" : "");
                return report(plainHttp ? Diagnosis.URL_NOT_HTTPS : Diagnosis.URL_INVALID);
            }
            OkHttpClient http;
            try {
                http = VerificationHttp.newOkHttpClient(tls);
            } catch (IllegalArgumentException e) {
                step(ConnectionStep.SETTINGS, StepOutcome.FAILED, System.nanoTime() - start,
                        tls.caBundle() == null ? "" : String.valueOf(tls.caBundle().getFileName()));
                return report(Diagnosis.TLS_SETTINGS_INVALID);
            }
            step(ConnectionStep.SETTINGS, StepOutcome.PASSED, System.nanoTime() - start,
                    base.scheme() + "://" + base.host() + ":" + base.port());
            // a pool of its own, so that every phase happens now instead of reusing a warm connection
            OkHttpClient client = http.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                    .eventListener(phases).dns(new BoundedDns(resolver, deadline, phases)).build();
            try {
                return send(client, base);
            } finally {
                client.connectionPool().evictAll();
                client.dispatcher().executorService().shutdown();
            }
        }

        private ConnectionReport send(OkHttpClient client, HttpUrl base) {
            boolean https = base.isHttps();
            HttpUrl url = VerificationHttp.resolve(base, HttpVerificationClient.HEALTH_PATH);
            long localBefore = clock.millis();
            Call call = client.newCall(new SignedAttempt(client, account, clock, nonces)
                    .signedRequest("GET", url, new byte[0], UUID.randomUUID().toString()));
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            String contentType;
            byte[] body;
            Date serviceDate;
            long localAfter;
            try (Response response = call.execute()) {
                localAfter = clock.millis();
                status = response.code();
                contentType = response.header("Content-Type");
                serviceDate = response.headers().getDate("Date");
                body = SignedAttempt.readCapped(response.body());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "connection test failed with {0}", e.getClass().getName());
                return failed(e, call.isCanceled() || System.nanoTime() - deadline >= 0, https);
            }
            connectionSteps(https, null);
            step(ConnectionStep.REQUEST, StepOutcome.PASSED, phases.responseEnd - phases.requestStart,
                    "HTTP " + status);
            long answerStart = System.nanoTime();
            // the service read its clock between our request leaving and its reply arriving, not during DNS or TLS
            long localMid = phases.requestStartMillis != 0 && phases.responseEndMillis != 0
                    ? phases.requestStartMillis + (phases.responseEndMillis - phases.requestStartMillis) / 2
                    : localBefore + (localAfter - localBefore) / 2;
            Diagnosis diagnosis = interpret(contentType, body, serviceDate, localMid);
            StepOutcome outcome = diagnosis == Diagnosis.OK ? StepOutcome.PASSED
                    : diagnosis.works() ? StepOutcome.WARNING : StepOutcome.FAILED;
            step(ConnectionStep.ANSWER, outcome, System.nanoTime() - answerStart,
                    errorCode != null ? errorCode : diagnosis.works() ? "UP" : "");
            return report(diagnosis);
        }

        /** What the reply means, in the order of the spec's error table. */
        private Diagnosis interpret(String contentType, byte[] body, Date serviceDate, long localMid) {
            // any reply's Date header tells the clock; a health reply's own time replaces it below
            offsetSeconds = offsetSeconds(serviceDate == null ? null : serviceDate.getTime(), localMid);
            if (status == 200) {
                if (body == null) {
                    return Diagnosis.NOT_THE_SERVICE;
                }
                try {
                    boolean up = parser.isUp(contentType, body);
                    Optional<OffsetDateTime> time = parser.healthTime(contentType, body);
                    if (time.isPresent()) {
                        offsetSeconds = offsetSeconds(time.get().toInstant().toEpochMilli(), localMid);
                    }
                    if (!up) {
                        return Diagnosis.SERVICE_FAILING;
                    }
                    return offsetSeconds != null && Math.abs(offsetSeconds) >= SKEW_WARNING_SECONDS
                            ? Diagnosis.CLOCK_NEAR_LIMIT : Diagnosis.OK;
                } catch (ReplyParser.MalformedReplyException e) {
                    return Diagnosis.NOT_THE_SERVICE;
                }
            }
            boolean specError = body != null && isJson(contentType) && parser.errorCode(body) != null;
            errorCode = specError ? parser.errorCode(body) : null;
            if (status == 429) {
                return Diagnosis.RATE_LIMITED;
            }
            if (status >= 500 && status <= 599) {
                return Diagnosis.SERVICE_FAILING;
            }
            if (!specError || status == 404 || status == 405 || status < 400) {
                return Diagnosis.NOT_THE_SERVICE;
            }
            switch (status + " " + errorCode) {
                case "401 CLOCK_SKEW":
                    return Diagnosis.CLOCK_SKEW;
                case "401 BAD_SIGNATURE":
                    return Diagnosis.BAD_SIGNATURE;
                case "401 UNKNOWN_ACCOUNT":
                    return Diagnosis.UNKNOWN_ACCOUNT;
                case "403 ACCOUNT_DISABLED":
                    return Diagnosis.ACCOUNT_DISABLED;
                case "403 PURPOSE_NOT_ALLOWED":
                    return Diagnosis.PURPOSE_NOT_ALLOWED;
                default:
                    return Diagnosis.REQUEST_REJECTED;
            }
        }

        private ConnectionReport failed(IOException e, boolean timedOut, boolean https) {
            Diagnosis diagnosis = classify(e, timedOut);
            connectionSteps(https, diagnosis);
            if (diagnosis == Diagnosis.NO_ANSWER) {
                long from = phases.requestStart != 0 ? phases.requestStart : phases.connectEnd;
                step(ConnectionStep.REQUEST, StepOutcome.FAILED, from == 0 ? 0 : System.nanoTime() - from,
                        timedOut ? "timeout" : e.getClass().getSimpleName());
            }
            return report(diagnosis);
        }

        /** Which phase an I/O failure ended, by what had happened when it came. */
        private Diagnosis classify(IOException e, boolean timedOut) {
            return ConnectionTest.classify(e, timedOut, phases.dnsStart != 0 && phases.dnsEnd == 0,
                    phases.connectEnd == 0 && phases.secureStart == 0,
                    phases.secureStart != 0 && phases.secureEnd == 0);
        }

        /** DNS, CONNECT and TLS from what the listener saw; {@code failure} marks the one that failed. */
        private void connectionSteps(boolean https, Diagnosis failure) {
            ConnectionStep failedAt = failure == null ? null : failure.step();
            long now = System.nanoTime();
            if (failedAt == ConnectionStep.DNS) {
                step(ConnectionStep.DNS, StepOutcome.FAILED, now - (phases.dnsStart == 0 ? now : phases.dnsStart),
                        parsed.host() + (phases.dnsTimedOut ? " timeout" : ""));
                return;
            }
            if (phases.dnsStart != 0) {
                step(ConnectionStep.DNS, StepOutcome.PASSED, phases.dnsEnd - phases.dnsStart, phases.addresses);
            } else {
                step(ConnectionStep.DNS, IP_LITERAL.matcher(parsed.host()).matches() ? StepOutcome.NOT_APPLICABLE
                        : StepOutcome.SKIPPED, 0, "");
            }
            if (phases.connectStart == 0) {
                return;
            }
            String target = phases.target;
            if (failedAt == ConnectionStep.CONNECT) {
                step(ConnectionStep.CONNECT, StepOutcome.FAILED, now - phases.connectStart, target);
                return;
            }
            long tcpEnd = phases.secureStart != 0 ? phases.secureStart : phases.connectEnd;
            step(ConnectionStep.CONNECT, StepOutcome.PASSED, tcpEnd - phases.connectStart, target);
            if (!https) {
                step(ConnectionStep.TLS, StepOutcome.NOT_APPLICABLE, 0, "http");
            } else if (failedAt == ConnectionStep.TLS) {
                step(ConnectionStep.TLS, StepOutcome.FAILED, now - phases.secureStart, "");
            } else if (phases.secureEnd != 0) {
                step(ConnectionStep.TLS, StepOutcome.PASSED, phases.secureEnd - phases.secureStart,
                        phases.tlsVersion);
            }
        }

        private void step(ConnectionStep step, StepOutcome outcome, long nanos, String detail) {
            steps.put(step, new StepResult(step, outcome, Duration.ofNanos(Math.max(0, nanos)), detail));
        }

        private ConnectionReport report(Diagnosis diagnosis) {
            boolean failed = false;
            for (ConnectionStep step : ConnectionStep.values()) {
                StepResult result = steps.get(step);
                if (result == null) {
                    steps.put(step, StepResult.notRun(step, step == ConnectionStep.TLS && parsed != null
                            && !parsed.isHttps() && !failed ? StepOutcome.NOT_APPLICABLE : StepOutcome.SKIPPED));
                } else {
                    failed |= result.outcome() == StepOutcome.FAILED;
                }
            }
            return new ConnectionReport(diagnosis, List.copyOf(steps.values()), parsed == null ? "" : parsed.host(),
                    parsed == null ? -1 : parsed.port(), offsetSeconds, status, errorCode,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The service's clock minus ours, in whole seconds. A time in whole seconds (the {@code Date} header, the mock's
     * {@code time}) was truncated, so it is taken as the middle of its second: without that, a well-set clock reads
     * half a second ahead on average.
     */
    static Long offsetSeconds(Long serviceMillis, long localMillis) {
        if (serviceMillis == null) {
            return null;
        }
        long service = serviceMillis % 1000 == 0 ? serviceMillis + 500 : serviceMillis;
        return Math.round((service - localMillis) / 1000.0);
    }

    private static boolean isJson(String contentType) {
        okhttp3.MediaType type = contentType == null ? null : okhttp3.MediaType.parse(contentType);
        return type != null && type.type().equals("application") && type.subtype().equals("json");
    }

    /**
     * The failure's diagnosis from its exception and the phase it ended: TLS by {@link VerificationHttp#classifyTls},
     * the rest by type. Package-private so that the cases no local test network can produce (a connect timeout) are
     * still tested.
     */
    static Diagnosis classify(IOException e, boolean timedOut, boolean inDns, boolean beforeConnected,
                              boolean inTls) {
        if (e instanceof UnknownHostException || inDns) {
            return Diagnosis.DNS_FAILED;
        }
        VerificationHttp.TlsProblem tlsProblem = VerificationHttp.classifyTls(e);
        if (tlsProblem != null) {
            switch (tlsProblem) {
                case PIN_MISMATCH:
                    return Diagnosis.TLS_PIN_MISMATCH;
                case HOSTNAME_MISMATCH:
                    return Diagnosis.TLS_HOST_MISMATCH;
                case CERTIFICATE_EXPIRED:
                    return Diagnosis.TLS_EXPIRED;
                case UNTRUSTED:
                case PEER_NOT_VERIFIED:
                    return Diagnosis.TLS_UNTRUSTED;
                case OLD_PROTOCOL:
                    return Diagnosis.TLS_OLD_PROTOCOL;
                default:
                    return Diagnosis.TLS_FAILED;
            }
        }
        if (beforeConnected) {
            if (timedOut || e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
                return Diagnosis.CONNECT_TIMEOUT;
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException && t.getMessage() != null && t.getMessage().contains("refused")) {
                    return Diagnosis.CONNECTION_REFUSED;
                }
            }
            return Diagnosis.CONNECT_FAILED;
        }
        return inTls ? Diagnosis.TLS_FAILED : Diagnosis.NO_ANSWER;
    }

    /** When each phase began and ended ({@link System#nanoTime()}, 0 for not yet), and what it found. */
    private static final class PhaseListener extends okhttp3.EventListener {
        private final Clock clock;
        volatile long dnsStart;
        volatile long dnsEnd;
        volatile boolean dnsTimedOut;
        volatile String addresses = "";
        volatile long connectStart;
        volatile String target = "";
        volatile long secureStart;
        volatile long secureEnd;
        volatile String tlsVersion = "";
        volatile long connectEnd;
        volatile long requestStart;
        volatile long responseEnd;
        /** The workstation clock at the same two moments, for the clock offset. */
        volatile long requestStartMillis;
        volatile long responseEndMillis;

        PhaseListener(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void dnsStart(Call call, String domainName) {
            if (dnsStart == 0) {
                dnsStart = System.nanoTime();
            }
        }

        @Override
        public void dnsEnd(Call call, String domainName, List<InetAddress> found) {
            dnsEnd = System.nanoTime();
            addresses = found.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        }

        @Override
        public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
            if (connectStart == 0) {
                connectStart = System.nanoTime();
            }
            target = address.getAddress().getHostAddress() + ":" + address.getPort();
        }

        @Override
        public void secureConnectStart(Call call) {
            secureStart = System.nanoTime();
        }

        @Override
        public void secureConnectEnd(Call call, okhttp3.Handshake handshake) {
            secureEnd = System.nanoTime();
            tlsVersion = handshake == null ? "" : handshake.tlsVersion().javaName();
        }

        @Override
        public void connectEnd(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy,
                               okhttp3.Protocol protocol) {
            connectEnd = System.nanoTime();
        }

        @Override
        public void requestHeadersStart(Call call) {
            requestStart = System.nanoTime();
            requestStartMillis = clock.millis();
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            responseEnd = System.nanoTime();
            responseEndMillis = clock.millis();
        }
    }

    /** The system resolver, but giving up at the deadline: a lookup that hangs must not hang the test. */
    private static final class BoundedDns implements Dns {
        private final Dns resolver;
        private final long deadline;
        private final PhaseListener phases;

        BoundedDns(Dns resolver, long deadline, PhaseListener phases) {
            this.resolver = resolver;
            this.deadline = deadline;
            this.phases = phases;
        }

        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            FutureTask<List<InetAddress>> task = new FutureTask<>(() -> resolver.lookup(host));
            Thread thread = new Thread(task, "connection-test-dns");
            thread.setDaemon(true);
            thread.start();
            try {
                return task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                task.cancel(true);
                phases.dnsTimedOut = true;
                throw new UnknownHostException(host + ": no DNS answer in time");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException) {
                    throw (UnknownHostException) e.getCause();
                }
                UnknownHostException failure = new UnknownHostException(host);
                failure.initCause(e.getCause());
                throw failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException(host + ": interrupted");
            }
        }
    }
}
