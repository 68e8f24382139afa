package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.audit.IntegrityReport;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerChainVerifier;
import com.waiverdesk.testing.AuditServerFixture;
import com.waiverdesk.testing.PgCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several workstations' real {@code check} commands (each its own JVM, as on a hospital's desks) writing into one
 * private PostgreSQL server that is stopped while they run, started again, and reached through a connection that
 * hangs: in the end every decision a desk printed has exactly one entry on the server, and the server's chain
 * verifies. What the independent check does, in the repository.
 */
class HospitalFleetPgTest {
    private static final String DB = "hospital";
    private static final String NAME = "测试员";
    private static final String ID = "310104198506150023";
    private static final String DESK_PW = "desk-synthetic-password";
    private static final String OWNER_PW = "owner-synthetic-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AuditServerFixture server;
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void server() throws Exception {
        server = AuditServerFixture.start(DB, OWNER_PW);
        pg = server.pg();
        server.init();
        for (int d = 1; d <= 3; d++) {
            server.addLogin("desk-" + d, ServerAdmin.Kind.DESK, DESK_PW);
        }
        server.addLogin("auditor", ServerAdmin.Kind.SUPERVISOR, DESK_PW);
        Path pgpass = dir.resolve("pgpass");
        StringBuilder lines = new StringBuilder();
        for (int d = 1; d <= 3; d++) {
            lines.append("127.0.0.1:").append(pg.port()).append(":*:desk-").append(d)
                    .append(':').append(DESK_PW).append('\n');
        }
        Files.writeString(pgpass, lines.toString());
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One printed decision. */
    private record Printed(String workstation, String decision, String requestId, long auditId) {
    }

    private static Process check(int desk, String auditDb) throws IOException {
        return check(desk, auditDb, dir.resolve("home-" + desk));
    }

    private static Process check(int desk, String auditDb, Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx160m",
                "-cp", System.getProperty("java.class.path"), "com.waiverdesk.Main", "check", "--name", NAME,
                "--id", ID, "--audit-db", auditDb, "--audit-spool", home.resolve("spool.db").toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("HOSTNAME", "WS-" + desk);
        pb.environment().put("PGPASSFILE", dir.resolve("pgpass").toString());
        pb.redirectError(home.resolveSibling(home.getFileName() + ".err").toFile());
        return pb.start();
    }

    private static String url(int desk) {
        return server.url("desk-" + desk);
    }

    /** Waits for the desk's command and reads what it printed; a decision is a JSON line with a decision in it. */
    private static List<Printed> finish(int desk, Process p) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("desk %d's check ends", desk).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<Printed> printed = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.get("auditWaiting").asBoolean()).as("auditWaiting says what a negative auditId means")
                        .isEqualTo(node.get("auditId").asLong() < 0);
                printed.add(new Printed("WS-" + desk, node.get("decision").asText(), node.get("requestId").asText(),
                        node.get("auditId").asLong()));
            }
        }
        assertThat(printed).as("desk %d printed a decision (exit %d, stderr: %s)", desk, p.exitValue(),
                Files.readString(dir.resolve("home-" + desk + ".err"))).hasSize(1);
        return printed;
    }

    /** Every desk once, all at once. */
    private static List<Printed> round(String... urls) throws Exception {
        List<Process> running = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            running.add(check(d, urls.length == 0 ? url(d) : urls[d - 1]));
        }
        List<Printed> printed = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            printed.addAll(finish(d, running.get(d - 1)));
        }
        return printed;
    }

    @Test
    void everyPrintedDecisionHasExactlyOneEntryAfterTheServerWasStoppedAndAConnectionHung() throws Exception {
        List<Printed> printed = new ArrayList<>();
        printed.addAll(round());
        printed.addAll(round());
        assertThat(printed).allMatch(p -> p.auditId() > 0, "committed on the server while it runs");

        // stopped while the desks run: whichever side of the stop each lands on, its decision is printed
        List<Process> running = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            running.add(check(d, url(d)));
        }
        pg.stopImmediate();
        for (int d = 1; d <= 3; d++) {
            printed.addAll(finish(d, running.get(d - 1)));
        }
        List<Printed> whileDown = round();
        assertThat(whileDown).allMatch(p -> p.auditId() < 0, "spooled while the server is down");
        printed.addAll(whileDown);

        // a server that accepts the connection and never answers: the decision is printed and the entry spooled
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String hanging = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/" + DB + "?user=desk-";
            Instant start = Instant.now();
            List<Printed> hung = round(hanging + 1, hanging + 2, hanging + 3);
            assertThat(hung).allMatch(p -> p.auditId() < 0, "spooled when the server hangs");
            printed.addAll(hung);
            assertThat(Duration.between(start, Instant.now())).as("the hang costs the check's budget, not more")
                    .isLessThan(Duration.ofSeconds(60));
            for (Socket s : held) {
                s.close();
            }
        }

        pg.restart();
        // the next check of each desk forwards what waits before its own entry
        printed.addAll(round());

        Map<String, Integer> onServer = entriesByRequestId();
        for (Printed p : printed) {
            assertThat(onServer.get(p.requestId())).as("entries for %s of %s", p.requestId(), p.workstation())
                    .isEqualTo(1);
        }
        assertThat(onServer.values().stream().mapToInt(Integer::intValue).sum()).as("nothing else")
                .isEqualTo(printed.size());
        IntegrityReport report = new ServerChainVerifier(server.as("auditor", DESK_PW))
                .verify("TEST", Instant.now(), ProgressListener.NONE);
        assertThat(report.intact()).as("%s", report).isTrue();
    }

    /**
     * Desks killed with kill -9 at different moments of their check (before, while and after the entry is written):
     * a decision that was printed has exactly one entry once the next checks have forwarded what waited, and no
     * entry is ever there twice. The moments vary; what is asserted holds at each of them.
     */
    @Test
    void aDeskKilledWhileItWritesLeavesNoDuplicateAndLosesNoPrintedDecision() throws Exception {
        String db = "killed";
        server.initDatabase(db);
        Path home = dir.resolve("killed-home");
        String url = pg.jdbcUrl(db, "desk-1");
        List<String> printedIds = new ArrayList<>();
        printedIds.addAll(requestIds(finishAny(check(1, url, home))));
        int killed = 0;
        for (long delay : new long[] {400, 900, 1400, 1900, 2400, 2900, 3400}) {
            Process p = check(1, url, home);
            // read as it prints: a killed process's pipe is closed under a late reader
            java.util.concurrent.CompletableFuture<String> out = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            return "";
                        }
                    });
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                killed++;
            }
            // whatever it printed before it died counts as shown
            printedIds.addAll(requestIds(out.get(30, TimeUnit.SECONDS)));
            if (delay == 1900) {
                pg.stopImmediate(); // the rest spool, and die while they do
            }
        }
        pg.restart();
        printedIds.addAll(requestIds(finishAny(check(1, url, home))));
        Map<String, Integer> onServer = entriesByRequestId(db);
        assertThat(onServer.values()).as("no entry twice").allMatch(n -> n == 1);
        assertThat(onServer.keySet()).as("every printed decision is on the server").containsAll(printedIds);
        assertThat(onServer.size()).as("at most one entry per desk started").isLessThanOrEqualTo(9);
        assertThat(killed).as("some desks were killed while they ran").isPositive();
        IntegrityReport report = new ServerChainVerifier(server.as(db, "auditor", DESK_PW))
                .verify("TEST", Instant.now(), ProgressListener.NONE);
        assertThat(report.intact()).as("%s", report).isTrue();
    }

    private static String finishAny(Process p) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> requestIds(String out) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("{") && line.endsWith("}")) {
                ids.add(JSON.readTree(line).get("requestId").asText());
            }
        }
        return ids;
    }

    private static Map<String, Integer> entriesByRequestId() throws SQLException {
        return entriesByRequestId(DB);
    }

    private static Map<String, Integer> entriesByRequestId(String db) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = pg.superuserConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT request_id, count(*) FROM waiverdesk.audit_entry GROUP BY 1")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
