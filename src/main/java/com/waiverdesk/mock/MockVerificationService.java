package com.waiverdesk.mock;

import com.sun.net.httpserver.HttpServer;
import com.waiverdesk.verification.ServiceAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bundled stand-in for the municipal verification service: serves the whole wire contract of
 * {@code verification-api.md} (and the e-certificate endpoints of {@code e-certificate.md}, with the demo root and
 * issuer keys) on 127.0.0.1 from a synthetic registry, verifying signatures like the real service,
 * so the desk works (and can be demonstrated and tested) without the city's network.
 */
public final class MockVerificationService implements AutoCloseable {
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;
    static final int MAX_REMEMBERED_NONCES = 100_000;
    static final int MAX_REMEMBERED_ANSWERS = 10_000;
    private static final int WORKER_THREADS = 4;
    private static final System.Logger LOG = System.getLogger(MockVerificationService.class.getName());

    private final HttpServer server;
    private final ScheduledExecutorService executor;
    private final String baseUrl;
    private final MockAccount account;
    private final FaultSpec faults;
    private final LazyRegistry registry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MockVerificationService(HttpServer server, ScheduledExecutorService executor, String baseUrl,
                                    MockAccount account, FaultSpec faults, LazyRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.account = account;
        this.faults = faults;
        this.registry = registry;
    }

    /**
     * Reads the registry now if it is read at first use (the built-in one): the desk calls this once its window is
     * up, so neither the first frame nor the clerk's first check waits for it. Blocking.
     */
    public void preload() {
        registry.get();
    }

    boolean isRegistryRead() {
        return registry.isRead();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The in-process demo: a free loopback port, the built-in registry, no faults, the demo account, a new secret. */
    public static MockVerificationService startDemo() throws IOException {
        return builder().start();
    }

    /** E.g. {@code http://127.0.0.1:18080/}, with the path prefix if one was set; ends with a slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The id of the first (or only) account. */
    public String accountId() {
        return account.id();
    }

    /** The secret of the first (or only) account; a copy. */
    public byte[] secret() {
        return account.secret();
    }

    /** Where the client should connect and how it signs: base URL, first account id and its secret. */
    public ServiceAccount serviceAccount() {
        return new ServiceAccount(baseUrl, account.id(), account.secret());
    }

    public FaultSpec faults() {
        return faults;
    }

    /** Stops at once: open connections are closed, delayed and hung replies are dropped. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            LOG.log(System.Logger.Level.INFO, "mock verification service on port {0} stopped",
                    Integer.toString(port()));
        }
    }

    /** How to start a mock; every setting has a default, so {@code builder().start()} is the demo. */
    public static final class Builder {
        private int port;
        private SyntheticRegistry registry;
        private FaultSpec faults = FaultSpec.none();
        private final List<MockAccount> accounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int requestsPerWindow = DEFAULT_REQUESTS_PER_MINUTE;
        private Duration rateWindow = Duration.ofMinutes(1);
        private String pathPrefix = "";

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Default: {@link SyntheticRegistry#builtIn()}. */
        public Builder registry(SyntheticRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder faults(FaultSpec faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** Adds an account; the first one added is the one {@link #accountId()} reports. Default: a new demo one. */
        public Builder account(MockAccount account) {
            accounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /** The service's clock: timestamps are judged and {@code checkedAt} is written by it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Verification requests allowed per account per window; default 600 a minute. */
        public Builder rateLimit(int requests, Duration window) {
            this.requestsPerWindow = requests;
            this.rateWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Serves under a prefix such as {@code /gw}, like a gateway does; the client must sign the full path. */
        public Builder pathPrefix(String prefix) {
            String p = Objects.requireNonNull(prefix, "prefix").replaceAll("/+$", "");
            if (!p.isEmpty() && !p.startsWith("/")) {
                throw new IllegalArgumentException("path prefix must start with /: " + prefix);
            }
            this.pathPrefix = p;
            return this;
        }

        /** Binds 127.0.0.1 and starts serving; an {@link IOException} when the port is taken. */
        public MockVerificationService start() throws IOException {
            List<MockAccount> all = accounts.isEmpty() ? List.of(MockAccount.demo()) : List.copyOf(accounts);
            Map<String, MockAccount> byId = new LinkedHashMap<>();
            for (MockAccount account : all) {
                if (byId.put(account.id(), account) != null) {
                    throw new IllegalArgumentException("account given twice: " + account.id());
                }
            }
            LazyRegistry data = registry != null ? LazyRegistry.of(registry) : new LazyRegistry(SyntheticRegistry::builtIn);
            RateLimiter limiter = new RateLimiter(clock, requestsPerWindow, rateWindow);
            ScheduledExecutorService executor = Executors.newScheduledThreadPool(WORKER_THREADS, daemonThreads());
            ApiHandler handler = new ApiHandler(pathPrefix, new RequestGate(byId, clock, MAX_REMEMBERED_NONCES),
                    new VerifyEndpoint(data, clock, limiter, MAX_REMEMBERED_ANSWERS),
                    new EcertEndpoints(clock, limiter, new DemoCertificates(), MAX_REMEMBERED_ANSWERS),
                    new FaultInjector(faults),
                    clock, executor);
            // Without it the JDK server holds every reply about 44 ms; it is read once, when the first server starts.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            } catch (IOException e) {
                executor.shutdownNow();
                throw e;
            }
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + pathPrefix + "/";
            LOG.log(System.Logger.Level.INFO, "mock verification service at {0}: {1}, {2} account(s), faults {3}",
                    baseUrl, data.isRead() ? data.get().size() + " people" : "built-in registry (read at first use)",
                    Integer.toString(byId.size()), faults);
            return new MockVerificationService(server, executor, baseUrl, all.get(0), faults, data);
        }

        private static java.util.concurrent.ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, "mock-verification-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
