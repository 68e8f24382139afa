package com.waiverdesk.audit.server;

import static com.waiverdesk.audit.server.SupervisorFixture.CLOCK;
import static com.waiverdesk.audit.server.SupervisorFixture.WORKSTATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.waiverdesk.app.AuditVocabulary;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainHead;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.PurgeResult;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.WholeReviewQueue;
import com.waiverdesk.audit.export.CsvExport;
import com.waiverdesk.audit.export.ExportResult;
import com.waiverdesk.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a supervisor does on a real private PostgreSQL server ({@link SupervisorFixture}) besides searching: sign in,
 * review paper entries, look at one entry, export, purge; what the server records for each, and what it refuses to a
 * desk or to a supervisor going around the functions. In order: the reviews change what the export then shows, and the
 * purge removes entries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisorActionsPgTest extends SupervisorServerTest {
    private static final List<String> TABLES = List.of("settings", "chain_head", "audit_entry", "access_entry",
            "audit_purge", "audit_anchor", "policy_version", "export_ticket", "flyway_schema_history", "audit_seal",
            "seal_gap");
    private static final String NO_FILTER = "ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
            + "::waiverdesk.audit_filter";
    /** Which of the two supervisors who pressed at once got to review entry 9. */
    private static Review nine;

    private static ServerAuditReader reader() {
        return new ServerAuditReader(server.supervisor("sup-1"), WORKSTATION, CLOCK);
    }

    private static ServerSupervisorActions actions(ServerAuditReader reader) {
        return new ServerSupervisorActions(server.supervisor("sup-1"), WORKSTATION, CLOCK, reader);
    }

    @Test
    @Order(1)
    void signingInIsRecordedUnderTheLoginAndAWrongPasswordRecordsNothing() throws Exception {
        long mark = server.accessHead();
        assertThat(actions(null).signIn("supervisor's screen")).isEqualTo(mark + 1);
        assertThat(server.accessSince(mark)).containsExactly(
                "OPEN_AUDIT|supervisor's screen|null|sup-1|SUP-WS|sup-1|" + CLOCK.millis());

        ServerSupervisorActions wrong = new ServerSupervisorActions(
                server.it.as("sup-1", "not-the-password-at-all".toCharArray()), WORKSTATION, CLOCK, null);
        assertThatThrownBy(() -> wrong.signIn("supervisor's screen")).isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("refused the login sup-1").hasMessageNotContaining("not-the-password");
        assertThat(server.accessSince(mark)).hasSize(1);
    }

    @Test
    @Order(2)
    void theReviewQueueIsThePaperEntriesOldestFirst() throws Exception {
        try (ServerAuditReader reader = reader()) {
            assertThat(WholeReviewQueue.seqs(reader, 2)).containsExactly(6L, 7L, 9L);
            assertThat(reader.pendingReviews()).isEqualTo(3);
            assertThat(reader.review(6)).as("pending").isEmpty();
        }
    }

    @Test
    @Order(3)
    void reviewsAreRecordedOnceAndRefusalsRecordNothing() throws Exception {
        try (ServerAuditReader reader = reader()) {
            reader.reviewQueue(0, 10);
            ServerSupervisorActions actions = actions(reader);
            long mark = server.accessHead();
            Instant now = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
            assertThat(actions.review(7, false, "  印章模糊 \n")).isEqualTo(new Review(false, "印章模糊", "sup-1", now,
                    "SUP-WS"));
            assertThat(actions.review(6, true, null)).isEqualTo(new Review(true, "", "sup-1", now, "SUP-WS"));
            assertThat(server.accessSince(mark)).containsExactly(
                    "REVIEW_REJECTED|entry 7; reason: 印章模糊|7|sup-1|SUP-WS|sup-1|" + CLOCK.millis(),
                    "REVIEW_APPROVED|entry 6; reason: |6|sup-1|SUP-WS|sup-1|" + CLOCK.millis());
            assertThat(reader.review(7)).as("the screen's reader shows it at once")
                    .contains(new Review(false, "印章模糊", "sup-1", now, "SUP-WS"));
            assertThat(WholeReviewQueue.seqs(reader, 2)).containsExactly(9L);
            assertThat(reader.pendingReviews()).isEqualTo(1);

            long before = server.accessHead();
            assertRefused(() -> actions.review(6, false, "again"), ReviewRefusedException.Why.ALREADY_REVIEWED, 6);
            assertRefused(() -> actions.review(8, true, ""), ReviewRefusedException.Why.NOT_PAPER, 8);
            assertRefused(() -> actions.review(99, true, ""), ReviewRefusedException.Why.NO_SUCH_ENTRY, 99);
            assertRefused(() -> actions.review(9, false, " \t "), ReviewRefusedException.Why.REASON_REQUIRED, 9);
            assertRefused(() -> actions.review(9, true, "长".repeat(501)), ReviewRefusedException.Why.REASON_TOO_LONG,
                    9);
            assertThat(server.accessHead()).as("nothing written for a refusal").isEqualTo(before);
        }
        try (ServerAuditReader fresh = reader()) {
            assertThat(fresh.review(6)).as("read back from the server")
                    .contains(new Review(true, "", "sup-1", CLOCK.instant(), "SUP-WS"));
        }
    }

    @Test
    @Order(4)
    void twoSupervisorsReviewingAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
        ServerSupervisorActions one = actions(null);
        ServerSupervisorActions two = new ServerSupervisorActions(server.supervisor("sup-2"), "SUP-WS-2", CLOCK, null);
        String fiveHundred = "审".repeat(500);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Review>> reviews = new ArrayList<>();
            for (Callable<Review> review : List.<Callable<Review>>of(() -> one.review(9, true, fiveHundred),
                    () -> two.review(9, false, "编号不符"))) {
                reviews.add(pool.submit(() -> {
                    go.await();
                    return review.call();
                }));
            }
            go.countDown();
            List<Review> won = new ArrayList<>();
            List<Throwable> refused = new ArrayList<>();
            for (Future<Review> f : reviews) {
                try {
                    won.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(refused).singleElement().isInstanceOf(ReviewRefusedException.class)
                    .extracting(e -> ((ReviewRefusedException) e).why())
                    .isEqualTo(ReviewRefusedException.Why.ALREADY_REVIEWED);
            nine = won.get(0);
            assertThat(nine.reason()).as("500 characters are allowed").isIn(fiveHundred, "编号不符");
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = server.pg.superuserConnection(SupervisorFixture.DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM waiverdesk.access_entry WHERE entry_seq = 9")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable review,
                                      ReviewRefusedException.Why why, long seq) {
        assertThatThrownBy(review).isInstanceOf(ReviewRefusedException.class)
                .extracting(e -> ((ReviewRefusedException) e).why(), e -> ((ReviewRefusedException) e).seq())
                .containsExactly(why, seq);
    }

    @Test
    @Order(5)
    void anExportIsRecordedOnceAndStreamsEveryEntryThroughTheAnchoredHead(@TempDir Path dir) throws Exception {
        long mark = server.accessHead();
        long anchors = count("audit_anchor");
        ExportResult csv;
        try (ServerAuditReader reader = reader()) {
            csv = actions(reader).exportCsv(AuditFilter.all(), dir.resolve("all.csv"), ZoneId.of("Asia/Shanghai"),
                    new AuditVocabulary(Locale.ENGLISH), ProgressListener.NONE);
        }
        assertThat(csv.rows()).isEqualTo(11);
        List<String> events = server.accessSince(mark);
        assertThat(events).singleElement().asString().startsWith("EXPORT_CSV|all entries; filter ")
                .endsWith("|null|sup-1|SUP-WS|sup-1|" + CLOCK.millis());
        assertThat(count("audit_anchor")).isEqualTo(anchors + 1);

        List<String[]> rows = csvRows(csv.file());
        int seq = CsvExport.HEADER.indexOf("seq");
        int state = CsvExport.HEADER.indexOf("review_state");
        int reason = CsvExport.HEADER.indexOf("review_reason");
        int by = CsvExport.HEADER.indexOf("reviewed_by");
        assertThat(rows).extracting(r -> r[seq]).containsExactly("11", "10", "9", "8", "7", "6", "5", "4", "3", "2",
                "1");
        assertThat(rows.get(11 - 7)).satisfies(r -> {
            assertThat(r[state]).isEqualTo("REJECTED");
            assertThat(r[reason]).isEqualTo("印章模糊");
            assertThat(r[by]).isEqualTo("sup-1");
        });
        assertThat(rows.get(11 - 6)[state]).isEqualTo("APPROVED");
        assertThat(rows.get(11 - 9)[state]).isEqualTo(nine.state());
        assertThat(rows.get(11 - 9)[by]).isEqualTo(nine.supervisor());
        assertThat(rows.get(11 - 8)[state]).as("not paper: not reviewed").isEmpty();
        String anchor = Files.readString(csv.anchor());
        assertThat(anchor).contains("\"seq\" : 11").as(anchor);

        long fhirMark = server.accessHead();
        AuditFilter paper = AuditFilter.all().withChannels(List.of(Channel.PAPER));
        ExportResult fhir = actions(null).exportFhir(paper, dir.resolve("paper.json"), ZoneId.of("Asia/Shanghai"),
                null, ProgressListener.NONE);
        assertThat(fhir.rows()).isEqualTo(3);
        assertThat(server.accessSince(fhirMark)).singleElement().asString()
                .startsWith("EXPORT_FHIR|channel=PAPER; filter ");
        assertThat(Files.readString(fhir.file())).contains("印章模糊");

        for (int batch : List.of(2, 11)) {
            ExportResult again = actions(null).fetchRows(batch).exportCsv(AuditFilter.all(),
                    dir.resolve("batch-" + batch + ".csv"), ZoneId.of("Asia/Shanghai"),
                    new AuditVocabulary(Locale.ENGLISH), ProgressListener.NONE);
            assertThat(csvRows(again.file())).as("fetched %d rows at a time", batch)
                    .extracting(r -> r[seq], r -> r[state])
                    .isEqualTo(rows.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r[seq], r[state])).toList());
        }

        // the CSV's cursor (export_open_csv) leaves out what a CSV does not show: every cell is still the one the
        // screen's rows (every column of entry_view) give when written by the same CsvExport
        Path fromScreen = dir.resolve("from-screen.csv");
        try (ServerAuditReader reader = reader()) {
            new CsvExport(reader, ZoneId.of("Asia/Shanghai"), CLOCK, new AuditVocabulary(Locale.ENGLISH)).write(
                    AuditFilter.all(), new ChainHead(CLOCK.instant(), 11, "head", 0, "access"), fromScreen,
                    ProgressListener.NONE);
        }
        assertThat(csvRows(csv.file()).stream().map(List::of).toList())
                .isEqualTo(csvRows(fromScreen).stream().map(List::of).toList());
    }

    private static List<String[]> csvRows(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(text.substring(1))) {
            it.next();
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    @Test
    @Order(6)
    void anEntryAskedByNumberIsAViewWhileAnEntryOnAPageShowsItsMarkWithoutAsking() throws Exception {
        long mark = server.accessHead();
        try (ServerAuditLog desk = new ServerAuditLog(server.it.as("desk-a", SupervisorFixture.DESK_PW.clone()))) {
            desk.markNotShown(server.ids.get(1), Instant.now(), "clerk-1", "WIN-01");
        }
        try (ServerAuditReader reader = reader()) {
            reader.page(AuditFilter.all(), Long.MAX_VALUE, 50);
            long searched = server.accessHead();
            assertThat(reader.notShown(2)).isTrue();
            assertThat(reader.notShown(3)).isFalse();
            assertThat(reader.review(7)).map(Review::reason).contains("印章模糊");
            assertThat(server.accessHead()).as("answered from the page").isEqualTo(searched);

            assertThat(reader.entry(8)).map(StoredEntry::seq).contains(8L);
            assertThat(reader.entry(99)).isEmpty();
            List<String> events = server.accessSince(searched);
            assertThat(events).containsExactly("VIEW_ENTRY|entry 8|8|sup-1|SUP-WS|sup-1|" + CLOCK.millis(),
                    "VIEW_ENTRY|entry 99|99|sup-1|SUP-WS|sup-1|" + CLOCK.millis());
        }
        try (ServerAuditReader fresh = reader()) {
            long before = server.accessHead();
            assertThat(fresh.notShown(2)).isTrue();
            assertThat(server.accessSince(before)).containsExactly(
                    "VIEW_ENTRY|entry 2|2|sup-1|SUP-WS|sup-1|" + CLOCK.millis());
        }
        assertThat(server.accessSince(mark)).first().asString().startsWith("DECISION_NOT_SHOWN|entry 2|2|clerk-1|");
    }

    @Test
    @Order(7)
    void aDeskLoginMayCallNoSupervisorFunction() throws Exception {
        List<String> calls = List.of(
                "SELECT * FROM waiverdesk.search_page(0, 'x', " + NO_FILTER + ", true, NULL, 1)",
                "SELECT waiverdesk.search_count(0, 'x', " + NO_FILTER + ")",
                "SELECT * FROM waiverdesk.search_charts(0, 'x', " + NO_FILTER + ", 'UTC')",
                "SELECT * FROM waiverdesk.error_keys(0, 'x')",
                "SELECT * FROM waiverdesk.view_entry(0, 'x', 1)",
                "SELECT * FROM waiverdesk.review_queue(0, 'x')",
                "SELECT * FROM waiverdesk.review_queue_page(0, 'x', 0, 1)",
                "SELECT waiverdesk.review_queue_count(0, 'x')",
                "SELECT waiverdesk.review_entry(0, 'x', 9, true, '')",
                "SELECT waiverdesk.export_begin(0, 'x', 'EXPORT_CSV', " + NO_FILTER + ")",
                "SELECT * FROM waiverdesk.export_open(1, " + NO_FILTER + ")",
                "SELECT * FROM waiverdesk.export_open_csv(1, " + NO_FILTER + ")",
                "SELECT waiverdesk.import_review(0, 'x', gen_random_uuid(), true, 'x')");
        long mark = server.accessHead();
        try (Connection desk = server.login("desk-a", SupervisorFixture.DESK_PW); Statement s = desk.createStatement()) {
            for (String sql : calls) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        }
        assertThat(server.accessHead()).isEqualTo(mark);
    }

    @Test
    @Order(8)
    void aSupervisorCannotGoAroundTheFunctions() throws Exception {
        try (Connection sup = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW);
             Statement s = sup.createStatement()) {
            for (String table : TABLES) {
                for (String sql : List.of("SELECT * FROM waiverdesk." + table,
                        "INSERT INTO waiverdesk." + table + " DEFAULT VALUES",
                        "UPDATE waiverdesk." + table + " SET " + aColumn(table) + " = " + aColumn(table),
                        "DELETE FROM waiverdesk." + table, "TRUNCATE waiverdesk." + table)) {
                    assertRefused(s, sql);
                }
            }
            for (String sql : List.of("SELECT * FROM waiverdesk.entry_view",
                    "SELECT * FROM waiverdesk.matching(" + NO_FILTER + ", NULL, NULL, NULL)",
                    "SELECT waiverdesk.record_search(0, 'x', 'x', true)",
                    "SELECT waiverdesk.filter_detail(" + NO_FILTER + ")",
                    "SELECT waiverdesk.append_access(0, 'sup-1', 'x', 'SEARCH', 'x', NULL)",
                    "SELECT waiverdesk.seal_locked(NULL)", "SELECT nextval('waiverdesk.audit_entry_seq')",
                    "SELECT * FROM waiverdesk.export_start(1, " + NO_FILTER + ", ARRAY['EXPORT_CSV'])")) {
                assertRefused(s, sql);
            }
        }
    }

    @Test
    @Order(9)
    void anExportTicketOpensOneStreamOfItsOwnFilterForItsOwnLogin() throws Exception {
        for (String open : List.of("export_open", "export_open_csv")) {
            long ticket;
            try (Connection sup = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW);
                 Statement s = sup.createStatement()) {
                ticket = single(s, "SELECT waiverdesk.export_begin(0, 'x', 'EXPORT_CSV', " + NO_FILTER + ")");
                long search = single(s, "SELECT max(seq) FROM waiverdesk.access_rows() WHERE action = 'SEARCH'");
                String other = "ROW(NULL, NULL, 'clerk-1', NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
                        + "::waiverdesk.audit_filter";
                String call = "SELECT * FROM waiverdesk." + open + "(";
                sup.setAutoCommit(false);
                assertRefused(s, call + ticket + ", " + other + ")");
                sup.rollback();
                assertRefused(s, call + search + ", " + NO_FILTER + ")");
                sup.rollback();
                try (Connection sup2 = server.login("sup-2", SupervisorFixture.SUPERVISOR_PW);
                     Statement s2 = sup2.createStatement()) {
                    assertRefused(s2, call + ticket + ", " + NO_FILTER + ")");
                }
                assertThat(single(s, "SELECT total FROM waiverdesk." + open + "(" + ticket + ", " + NO_FILTER + ")"))
                        .as(open).isEqualTo(11);
                sup.commit();
                // read once, whichever function opened it
                assertRefused(s, "SELECT * FROM waiverdesk.export_open(" + ticket + ", " + NO_FILTER + ")");
                sup.rollback();
                assertRefused(s, "SELECT * FROM waiverdesk.export_open_csv(" + ticket + ", " + NO_FILTER + ")");
                sup.rollback();
            }
        }
    }

    @Test
    @Order(9)
    void theCsvCursorOpensOnlyACsvExportAndGivesTheColumnsTheProgramReads() throws Exception {
        try (Connection sup = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW);
             Statement s = sup.createStatement()) {
            long fhir = single(s, "SELECT waiverdesk.export_begin(0, 'x', 'EXPORT_FHIR', " + NO_FILTER + ")");
            long csv = single(s, "SELECT waiverdesk.export_begin(0, 'x', 'EXPORT_CSV', " + NO_FILTER + ")");
            sup.setAutoCommit(false);
            assertRefused(s, "SELECT * FROM waiverdesk.export_open_csv(" + fhir + ", " + NO_FILTER + ")");
            sup.rollback();
            String cursor;
            try (ResultSet rs = s.executeQuery("SELECT rows FROM waiverdesk.export_open_csv(" + csv + ", " + NO_FILTER
                    + ")")) {
                rs.next();
                cursor = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery("FETCH FORWARD 1 FROM " + ServerAdmin.quote(cursor))) {
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    labels.add(rs.getMetaData().getColumnLabel(i));
                }
                assertThat(String.join(", ", labels)).isEqualTo(ServerRows.CSV_COLUMNS);
            }
            sup.rollback();
        }
    }

    @Test
    @Order(9)
    void onlyAMigratedEntrysReviewIsImportedAndARefusalRecordsNothing() throws Exception {
        UUID paperEntry;
        try (Connection c = server.pg.superuserConnection(SupervisorFixture.DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.entry_id FROM waiverdesk.audit_entry e WHERE e.channel = 'PAPER'"
                     + " ORDER BY e.seq DESC LIMIT 1")) {
            assertThat(rs.next()).as("a paper entry").isTrue();
            paperEntry = (UUID) rs.getObject(1);
        }
        assertThat(paperEntry.version()).as("a desk's own entry").isEqualTo(4);
        long mark = server.accessHead();
        Review local = new Review(true, "", "李主管", Instant.parse("2026-03-03T09:00:00Z"), "WIN-SUP-1");
        assertThat(actions(null).importReview(paperEntry, local))
                .as("reviewed on the screen, not imported").isEqualTo(ServerSupervisorActions.Imported.NOT_ON_SERVER);
        assertThat(actions(null).importReview(UUID.nameUUIDFromBytes(new byte[] {1}), local))
                .isEqualTo(ServerSupervisorActions.Imported.NOT_ON_SERVER);
        assertThat(server.accessHead()).isEqualTo(mark);
    }

    @Test
    @Order(10)
    void aPurgeOfEntriesYoungerThanTheRetentionIsRefusedAndRecordsNothingAnOlderOneIsRecorded() throws Exception {
        long mark = server.accessHead();
        long anchors = count("audit_anchor");
        ServerSupervisorActions actions = actions(null);
        assertThatThrownBy(() -> actions.purgeBefore(Instant.now())).isInstanceOf(AuditWriteException.class)
                .hasMessageContaining("retention period");
        assertThat(server.accessHead()).isEqualTo(mark);
        assertThat(count("audit_anchor")).as("the anchor went with the refused purge").isEqualTo(anchors);

        String hashOfTwo;
        try (Connection c = server.pg.superuserConnection(SupervisorFixture.DB); Statement s = c.createStatement()) {
            // as if entries 1 and 2 had reached the server 200 days ago
            s.executeUpdate("UPDATE waiverdesk.audit_entry SET received_us = received_us - 200 * 86400000000"
                    + " WHERE seq <= 2");
            try (ResultSet rs = s.executeQuery("SELECT entry_hash FROM waiverdesk.entry_view WHERE seq = 2")) {
                rs.next();
                hashOfTwo = rs.getString(1);
            }
        }
        PurgeResult purged = actions.purgeBefore(Instant.now().minus(190, ChronoUnit.DAYS));
        assertThat(purged.purgedEntries()).isEqualTo(2);
        assertThat(purged.throughSeq()).isEqualTo(2);
        assertThat(purged.throughHash()).isEqualTo(hashOfTwo);
        assertThat(purged.anchorBefore().seq()).isEqualTo(11);
        assertThat(purged.accessSeq()).isEqualTo(mark + 1);
        assertThat(server.accessSince(mark)).containsExactly(
                "PURGE|2 entries through 2|2|sup-1|SUP-WS|sup-1|" + CLOCK.millis());
        assertThat(count("audit_entry")).isEqualTo(9);
    }

    private static void assertRefused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    private static String aColumn(String table) {
        return switch (table) {
            case "settings" -> "retention_days";
            case "chain_head" -> "seq";
            case "flyway_schema_history" -> "success";
            case "export_ticket" -> "opened_us";
            case "audit_seal" -> "entry_hash";
            case "seal_gap" -> "found_us";
            default -> "writer";
        };
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection c = server.pg.superuserConnection(SupervisorFixture.DB);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM waiverdesk." + table)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
