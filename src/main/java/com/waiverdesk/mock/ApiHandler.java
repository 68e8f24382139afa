package com.waiverdesk.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Routes the API's two endpoints, lets the fault injector delay, replace or break each reply, and sends it. A delayed
 * reply is sent later by the scheduler, so a slow or hung request holds no worker thread.
 */
final class ApiHandler implements HttpHandler {
    static final String VERIFY_PATH = "/api/v1/assistance/verifications";
    static final String HEALTH_PATH = "/api/v1/health";
    static final String ECERT_STATUS_PATH = "/api/v1/ecert/status";
    static final String TRUST_LIST_PATH = "/api/v1/ecert/trust-list";
    static final String REVOCATIONS_PATH = "/api/v1/ecert/revocations";
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final String prefix;
    private final RequestGate gate;
    private final VerifyEndpoint verify;
    private final EcertEndpoints ecert;
    private final FaultInjector faults;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    ApiHandler(String prefix, RequestGate gate, VerifyEndpoint verify, EcertEndpoints ecert, FaultInjector faults,
               Clock clock, ScheduledExecutorService scheduler) {
        this.prefix = prefix;
        this.gate = gate;
        this.verify = verify;
        this.ecert = ecert;
        this.faults = faults;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    static final String SERVER_TIMING = "Server-Timing";

    @Override
    public void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "mock could not handle a request", e);
            write(exchange, MockReply.error(500, "INTERNAL_ERROR", "mock service failure"));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES + 1);
        Endpoint endpoint = Endpoint.of(path.startsWith(prefix) ? path.substring(prefix.length()) : null);
        if (endpoint == null) {
            write(exchange, MockReply.error(404, "NOT_FOUND", "no such endpoint"));
            return;
        }
        String allowed = endpoint.method;
        if (!allowed.equals(method)) {
            write(exchange, MockReply.error(405, "METHOD_NOT_ALLOWED", "use " + allowed).withHeader("Allow", allowed));
            return;
        }
        FaultInjector.Fault fault = faults.next();
        MockReply reply = fault.replacement() != null ? fault.replacement() : process(exchange, endpoint, body);
        if (fault.shape() != null) {
            reply = endpoint == Endpoint.HEALTH || endpoint == Endpoint.VERIFY
                    ? MalformedReplies.of(fault.shape(), reply, endpoint == Endpoint.HEALTH, requestId(exchange), clock)
                    : MalformedReplies.ofEcert(fault.shape(), reply, endpoint == Endpoint.ECERT_STATUS,
                            requestId(exchange), clock);
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2} {3} (fault {4}, delay {5} ms)", method,
                endpoint.logName, Integer.toString(reply.status()), reply.errorCode() == null ? "" : reply.errorCode(),
                fault.kind(), Long.toString(fault.delayMillis()));
        send(exchange, reply.withHeader(SERVER_TIMING, serverTiming(start)), fault.delayMillis());
    }

    /** The service's own time (W3C Server-Timing), so a benchmark can subtract it from the client's. */
    private static String serverTiming(long startNanos) {
        return String.format(java.util.Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - startNanos) / 1e6);
    }

    private MockReply process(HttpExchange exchange, Endpoint endpoint, byte[] body) {
        try {
            if (body.length > MAX_BODY_BYTES) {
                throw new RejectedRequest(400, "INVALID_REQUEST", "body larger than " + MAX_BODY_BYTES + " bytes");
            }
            RequestGate.Caller caller = gate.admit(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), body);
            switch (endpoint) {
                case HEALTH:
                    return healthReply();
                case ECERT_STATUS:
                    return ecert.status(caller, body);
                case TRUST_LIST:
                    return ecert.trustList();
                case REVOCATIONS:
                    return ecert.revocations();
                default:
                    return verify.answer(caller, body);
            }
        } catch (RejectedRequest e) {
            return e.reply();
        }
    }

    private MockReply healthReply() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("time", MockJson.time(clock));
        return MockReply.json(200, MockJson.bytes(body));
    }

    private void send(HttpExchange exchange, MockReply reply, long delayMillis) {
        if (delayMillis <= 0) {
            write(exchange, reply);
            return;
        }
        try {
            scheduler.schedule(() -> write(exchange, reply), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, MockReply reply) {
        try {
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before the reply: {0}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private static String requestId(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst(com.waiverdesk.verification.RequestSigner.REQUEST_ID_HEADER);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        try (in) {
            return in.readNBytes(limit);
        }
    }

    /** The API's endpoints, by path under the prefix. */
    enum Endpoint {
        VERIFY(VERIFY_PATH, "POST", "verification"),
        HEALTH(HEALTH_PATH, "GET", "health"),
        ECERT_STATUS(ECERT_STATUS_PATH, "POST", "e-certificate status"),
        TRUST_LIST(TRUST_LIST_PATH, "GET", "trust list"),
        REVOCATIONS(REVOCATIONS_PATH, "GET", "revocation list");

        final String path;
        final String method;
        final String logName;

        Endpoint(String path, String method, String logName) {
            this.path = path;
            this.method = method;
            this.logName = logName;
        }

        static Endpoint of(String path) {
            for (Endpoint endpoint : values()) {
                if (endpoint.path.equals(path)) {
                    return endpoint;
                }
            }
            return null;
        }
    }
}
