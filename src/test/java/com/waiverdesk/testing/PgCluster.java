package com.waiverdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.postgresql.PGConnection;

/**
 * A private PostgreSQL server for one test class, and the only way a test gets one: initdb into a new folder under
 * /tmp, its own port on 127.0.0.1 and its own socket folder, never the machine's default cluster.
 *
 * <pre>{@code
 * private static PgCluster pg;
 * @BeforeAll static void server() throws SQLException {
 *     pg = PgCluster.start();                       // skips the class, or fails it when CI is set
 *     pg.createLogin("it_owner", "synthetic-pw", true);
 *     pg.createDatabase("audit", "it_owner");
 * }
 * @AfterAll static void stop() { pg.close(); }
 * ... DriverManager.getConnection(pg.jdbcUrl("audit", "it_owner"), props-with-password) ...
 * }</pre>
 *
 * Durability: fsync and synchronous_commit stay on, so a commit has reached the disk when it returns, as on a real
 * server. Only initdb runs with --no-sync (its fresh files are not flushed): the fault methods
 * ({@link #stopImmediate()}, {@link #kill9()}) end processes, not the machine, so those files stay in the page cache,
 * and recovery from the fsynced WAL is what the tests exercise.
 * Statements are never written to the server log: CREATE ROLE and ALTER ROLE may carry a password.
 */
public final class PgCluster implements AutoCloseable {
    public static final String SUPERUSER = "wd_admin";
    private static final String HOST = "127.0.0.1";
    private static final String PREFIX = "waiverdesk-pg-";
    private static final Set<PgCluster> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean hooked;

    private final PgCommands commands;
    private final Path base;
    private final Path data;
    private final Path log;
    private final String superuserPassword;
    private int port;
    private ProcessHandle postmaster;
    /** Processes of the last server that may still be ending (backends outlive a killed postmaster briefly). */
    private List<ProcessHandle> ending = List.of();
    private boolean closed;

    private PgCluster(PgCommands commands, Path base) {
        this.commands = commands;
        this.base = base;
        this.data = base.resolve("data");
        this.log = base.resolve("server.log");
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.superuserPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * A new cluster, started and accepting connections as {@link #SUPERUSER}. When it cannot start (no binaries,
     * initdb or the server fails) the test fails if the environment variable CI is set, and is skipped otherwise;
     * either way with the reason and the server log's last lines.
     */
    public static PgCluster start() {
        PgCluster cluster = null;
        try {
            PgCommands commands = PgCommands.find();
            PgLeftovers.sweep(tmpRoot(commands), PREFIX);
            cluster = new PgCluster(commands, PgLeftovers.newFolder(tmpRoot(commands), PREFIX));
            cluster.initdb();
            cluster.startOnFreePort();
            return cluster;
        } catch (IOException | RuntimeException e) {
            discard(cluster);
            throw cannotStart(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(cluster);
            throw cannotStart("interrupted while starting", e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}: no user, no password. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** The form the desk's configuration takes: {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE?user=USER}. */
    public String jdbcUrl(String database, String user) {
        return jdbcUrl(database) + "?user=" + user;
    }

    public int port() {
        return port;
    }

    /** The running postmaster's process id (for tests that stop or pause it themselves). */
    public synchronized long postmasterPid() {
        requireRunning();
        return postmaster.pid();
    }

    public synchronized boolean running() {
        return postmaster != null && PgLeftovers.alive(postmaster);
    }

    /** A connection as {@link #SUPERUSER} (over TCP, password authentication) to {@code database}. */
    public Connection superuserConnection(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", superuserPassword);
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    public void createDatabase(String name) throws SQLException {
        superuserExecute("CREATE DATABASE " + identifier(name));
    }

    /** A database owned by {@code owner} (who then owns its public schema, as PostgreSQL 15 sets it up). */
    public void createDatabase(String name, String owner) throws SQLException {
        superuserExecute("CREATE DATABASE " + identifier(name) + " OWNER " + identifier(owner));
    }

    /**
     * A login role with a SCRAM password. The verifier is computed here (pgjdbc's alterUserPassword), so the password
     * itself never reaches the server, its log or a statement.
     */
    public void createLogin(String name, String password, boolean createRole) throws SQLException {
        try (Connection connection = superuserConnection("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + identifier(name) + " LOGIN" + (createRole ? " CREATEROLE" : ""));
            connection.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
        }
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, without a checkpoint (a crash). */
    public synchronized void stopImmediate() {
        requireRunning();
        stop("immediate");
    }

    /**
     * SIGKILL to the postmaster alone; its backends notice and end on their own ({@link #restart()} waits). Returns
     * once the postmaster is reaped, not just dead: PostgreSQL refuses to start while the pid in its lock file still
     * exists, and a zombie's does (in a container whose process 1 reaps slowly this takes a second or two).
     */
    public synchronized void kill9() {
        requireRunning();
        ending = postmaster.descendants().collect(Collectors.toList());
        postmaster.destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (postmaster.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (postmaster.isAlive()) {
            throw new IllegalStateException("the killed postmaster " + postmaster.pid() + " was not reaped in 30 s");
        }
        postmaster = null;
    }

    /** Starts the stopped (or killed) server again on the same port and data, recovering from its WAL. */
    public synchronized void restart() {
        if (closed || running()) {
            throw new IllegalStateException("restart needs a stopped, not closed cluster: " + this);
        }
        if (!PgLeftovers.awaitEnd(ending, 30)) {
            throw new IllegalStateException("the previous server's processes did not end within 30 s: " + this);
        }
        try {
            long logSize = Files.size(log);
            PgCommands.Result started = pgCtlStart();
            if (started.exit() != 0) {
                throw new IllegalStateException("the server did not start again on port " + port + ": "
                        + started.output().trim() + "\nserver log:\n" + logTail(logSize));
            }
            postmaster = readPostmaster();
        } catch (IOException e) {
            throw new IllegalStateException("restarting " + this + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting " + this, e);
        }
    }

    /** {@code pg_ctl stop -m fast} (SIGKILL when that fails), waits for every server process, deletes the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            end("fast");
        } finally {
            closed = true;
            LIVE.remove(this);
            PgLeftovers.deleteTree(base);
        }
    }

    @Override
    public String toString() {
        return "PgCluster[" + HOST + ":" + port + ", " + base + "]";
    }

    Path directory() {
        return base;
    }

    // ---------------------------------------------------------------------------------------------- starting

    private static Path tmpRoot(PgCommands commands) {
        // the server's account must reach the folder: /tmp (1777) always lets it, a private java.io.tmpdir may not
        return commands.account != null ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private void initdb() throws IOException, InterruptedException {
        Path pwfile = base.resolve("superuser-password");
        Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pwfile, superuserPassword + "\n");
        Files.createDirectory(base.resolve("sock"));
        commands.own(base);
        PgCommands.Result initdb;
        try {
            initdb = commands.server(base, 120, "initdb", "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                    "--encoding=UTF8", "--locale=C", "--no-sync");
        } finally {
            Files.deleteIfExists(pwfile);
        }
        if (initdb.exit() != 0) {
            throw new IOException("initdb failed (" + initdb.exit() + "): " + lastLines(initdb.output(), 20));
        }
        Files.writeString(data.resolve("postgresql.conf"), "\ninclude 'waiverdesk-test.conf'\n",
                StandardOpenOption.APPEND);
    }

    private void startOnFreePort() throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            port = freePort();
            writeSettings();
            long logSize = Files.exists(log) ? Files.size(log) : 0;
            PgCommands.Result started = pgCtlStart();
            if (started.exit() == 0) {
                postmaster = readPostmaster();
                hookOnce();
                LIVE.add(this);
                return;
            }
            String tail = logTail(logSize);
            boolean portTaken = tail.contains("could not bind") || tail.contains("already in use");
            if (!portTaken || attempt == 5) {
                throw new IOException("pg_ctl start failed on port " + port + ": " + started.output().trim()
                        + "\nserver log:\n" + tail);
            }
        }
    }

    private void writeSettings() throws IOException, InterruptedException {
        String settings = String.join("\n",
                "# written by PgCluster (tests): this server only, never the machine's default cluster",
                "listen_addresses = '" + HOST + "'",
                "port = " + port,
                "unix_socket_directories = '" + base.resolve("sock") + "'",
                "fsync = on",
                "synchronous_commit = on",
                "full_page_writes = on",
                "password_encryption = 'scram-sha-256'",
                "log_statement = 'none'",
                "log_min_error_statement = panic",
                "");
        Files.writeString(data.resolve("waiverdesk-test.conf"), settings);
        commands.own(data.resolve("waiverdesk-test.conf"));
    }

    private PgCommands.Result pgCtlStart() throws IOException, InterruptedException {
        return commands.server(base, 90, "pg_ctl", "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "start");
    }

    private ProcessHandle readPostmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IOException("the postmaster (" + pid + ") is gone"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------------------------------------- stopping

    private void stop(String mode) {
        List<ProcessHandle> processes = serverProcesses();
        try {
            PgCommands.Result stopped = commands.server(base, 90, "pg_ctl", "-D", data.toString(), "-m", mode,
                    "-w", "-t", "60", "stop");
            if (stopped.exit() != 0) {
                throw new IllegalStateException("pg_ctl stop -m " + mode + " failed: " + stopped.output().trim()
                        + "\nserver log:\n" + logTail(0));
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctl stop -m " + mode + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + this, e);
        }
        postmaster = null;
        ending = processes;
        PgLeftovers.awaitEnd(processes, 30);
    }

    /** Stops the server any way it can; afterwards none of its processes is left. */
    private void end(String mode) {
        List<ProcessHandle> processes = new ArrayList<>(ending);
        processes.addAll(serverProcesses());
        if (running()) {
            try {
                stop(mode);
            } catch (IllegalStateException e) {
                System.err.println("PgCluster: " + e.getMessage() + "; killing the server");
            }
        }
        if (!PgLeftovers.awaitEnd(processes, 5)) {
            processes.forEach(ProcessHandle::destroyForcibly);
            PgLeftovers.awaitEnd(processes, 30);
        }
        postmaster = null;
        ending = List.of();
    }

    private List<ProcessHandle> serverProcesses() {
        List<ProcessHandle> processes = new ArrayList<>();
        if (postmaster != null && PgLeftovers.alive(postmaster)) {
            processes.add(postmaster);
            postmaster.descendants().forEach(processes::add);
        }
        return processes;
    }

    private void requireRunning() {
        if (closed || !running()) {
            throw new IllegalStateException("the server is not running: " + this);
        }
    }

    private static void discard(PgCluster cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** One hook for the JVM: a test run that ends abnormally (not SIGKILL) still stops its servers. */
    private static synchronized void hookOnce() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(cluster -> {
                synchronized (cluster) {
                    if (!cluster.closed) {
                        cluster.end("immediate");
                        cluster.closed = true;
                        PgLeftovers.deleteTree(cluster.base);
                    }
                }
            }), "PgCluster shutdown"));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void superuserExecute(String sql) throws SQLException {
        try (Connection connection = superuserConnection("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A quoted identifier: any name of 1-63 characters without a double quote (e.g. {@code desk-03}). */
    private static String identifier(String name) {
        if (name.isEmpty() || name.length() > 63 || name.contains("\"") || name.contains("\0")) {
            throw new IllegalArgumentException("not a usable PostgreSQL name: " + name);
        }
        return '"' + name + '"';
    }

    /** The server log's lines written after {@code from} bytes (its last 40 lines). */
    private String logTail(long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            int start = (int) Math.min(from, all.length);
            return lastLines(new String(all, start, all.length - start, StandardCharsets.UTF_8), 40);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static String lastLines(String text, int count) {
        String[] lines = text.strip().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - count), lines.length));
    }

    private static RuntimeException cannotStart(String reason, Throwable cause) {
        return cannotStart(reason, cause, System.getenv("CI"));
    }

    /** Throws the failure when {@code ci} is set (a CI that passed must have run the PostgreSQL tests). */
    static RuntimeException cannotStart(String reason, Throwable cause, String ci) {
        String message = "cannot start a private PostgreSQL server for the tests: " + reason;
        if (ci != null && !ci.isEmpty()) {
            throw new AssertionFailedError(message + " (fails rather than skips because CI is set)", cause);
        }
        return new TestAbortedException(message + " (skipped; with CI set this fails)", cause);
    }
}
