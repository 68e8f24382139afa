package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit review list|approve|reject}, run as the real command on a real log (synthetic people only). */
class ReviewCommandTest {
    private static final String ID = "11010519491231002X";
    private static final Instant T = Instant.parse("2026-12-01T02:15:30Z");
    private static final String CENTRE = "徐汇区凌云街道社区事务受理服务中心";

    @TempDir
    Path dir;
    Path db;
    Path config;
    Path passphrase;

    private record Run(int exit, String out, String err) {
    }

    /** 1 a live query, 2 and 3 paper certificates; the supervisor's passphrase set through the command. */
    @BeforeEach
    void writeLog() throws Exception {
        db = dir.resolve("audit.db");
        config = Files.writeString(dir.resolve("config.json"), "{}");
        passphrase = Files.writeString(dir.resolve("pp.txt"), "correct horse battery");
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            log.append(entry(0, "张三", DecisionKind.CHARGE, "NO_RECORD"));
            log.append(entry(60, "王秀英", DecisionKind.WAIVE, "PAPER_PROVISIONAL_WAIVE").withProof(
                    ProofDetail.paper("沪民证字20260002", CENTRE, LocalDate.parse("2026-11-20"), "SUBSISTENCE_ALLOWANCE",
                            null)));
            log.append(entry(120, "李\t四", DecisionKind.CHARGE, "PAPER_REFUND_AFTER_REVIEW").withProof(
                    ProofDetail.paper("沪民证字20260003", CENTRE, LocalDate.parse("2026-10-02"), "LOW_INCOME_FAMILY",
                            1L)));
        }
        assertThat(run("set-passphrase").exit()).isZero();
    }

    private static AuditEntry entry(long seconds, String name, DecisionKind decision, String reason) {
        return new AuditEntry(T.plusSeconds(seconds), null, "clerk-07", "WIN-ADM-03", ResidentId.mask(ID), null, name,
                decision, decision == DecisionKind.WAIVE ? 0 : 100, reason, List.of(), null, null, null, 3);
    }

    private Run run(String... reviewArgs) {
        List<String> args = new ArrayList<>(List.of("audit"));
        args.addAll(List.of(reviewArgs));
        args.addAll(List.of("--config", config.toString(), "--audit-db", db.toString(), "--passphrase-file",
                passphrase.toString(), "--supervisor", "supervisor-01"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private List<String> accessEvents() throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT supervisor, action, detail FROM access_entry ORDER BY seq")) {
            while (rs.next()) {
                events.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return events;
    }

    private static String local(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneId.systemDefault()).toString().replace('T', ' ');
    }

    @Test
    void listShowsThePendingPaperEntriesOldestFirstAfterRecordingTheLook() throws Exception {
        Run run = run("review", "list");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().split("\\R")).containsExactly(
                "seq\ttime\tmasked_id\tname\tpaper_number\tpaper_centre\tpaper_issued\tpaper_category\tdecision",
                "2\t" + local(T.plusSeconds(60)) + "\t110105********002X\t王秀英\t沪民证字20260002\t" + CENTRE
                        + "\t2026-11-20\tSUBSISTENCE_ALLOWANCE\tWAIVE",
                "3\t" + local(T.plusSeconds(120)) + "\t110105********002X\t李 四\t沪民证字20260003\t" + CENTRE
                        + "\t2026-10-02\tLOW_INCOME_FAMILY\tCHARGE");
        assertThat(run.out()).doesNotContain(ID);
        assertThat(run.err()).contains("2 paper certificates waiting for review");
        assertThat(accessEvents()).endsWith("supervisor-01|SEARCH|command line: review queue, 2 pending");
    }

    @Test
    void aQueueLongerThanAPageIsListedWholeOldestFirstAPageAtATime() throws Exception {
        int more = 2 * ReviewCommands.LIST_PAGE + 7;
        try (SqliteAuditLog log = SqliteAuditLog.open(db)) {
            for (int i = 0; i < more; i++) {
                log.append(entry(180 + i, "王秀英", DecisionKind.WAIVE, "PAPER_PROVISIONAL_WAIVE").withProof(
                        ProofDetail.paper("沪民证字3" + i, CENTRE, LocalDate.parse("2026-11-20"),
                                "SUBSISTENCE_ALLOWANCE", null)));
            }
        }
        Run run = run("review", "list");

        assertThat(run.exit()).as(run.err()).isZero();
        List<Long> seqs = run.out().lines().skip(1).map(l -> Long.parseLong(l.split("\t")[0])).toList();
        assertThat(seqs).hasSize(2 + more).startsWith(2L, 3L, 4L).endsWith(3L + more).isSorted()
                .doesNotHaveDuplicates();
        assertThat(run.err()).contains((2 + more) + " paper certificates waiting for review");
        assertThat(accessEvents()).endsWith("supervisor-01|SEARCH|command line: review queue, " + (2 + more)
                + " pending");
    }

    @Test
    void anApprovalIsRecordedInTheAccessChainAndLeavesTheQueue() throws Exception {
        Run run = run("review", "approve", "2", "--reason", "original seen, stamp matches");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("entry 2: approved by supervisor-01 at ")
                .contains("recorded in the access log");
        assertThat(accessEvents()).endsWith(
                "supervisor-01|REVIEW_APPROVED|entry 2; reason: original seen, stamp matches");
        assertThat(run("review", "list").out().lines().skip(1).map(l -> l.split("\t")[0])).containsExactly("3");
        assertThat(run("verify").exit()).isZero();
    }

    @Test
    void aRejectionIsRecordedWithItsReason() throws Exception {
        Run run = run("review", "reject", "3", "--reason", "centre has no such certificate number");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("entry 3: rejected by supervisor-01");
        assertThat(accessEvents()).endsWith(
                "supervisor-01|REVIEW_REJECTED|entry 3; reason: centre has no such certificate number");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedBeforeThePassphraseIsAsked() throws Exception {
        List<String> before = accessEvents();

        assertThat(run("review", "reject", "3").exit()).isEqualTo(Cli.EXIT_USAGE);
        Run blank = run("review", "reject", "3", "--reason", "   ");

        assertThat(blank.exit()).isEqualTo(ReviewCommands.EXIT_REVIEW_REFUSED);
        assertThat(blank.err()).contains("needs a reason", "Nothing was recorded");
        assertThat(accessEvents()).isEqualTo(before);
    }

    @Test
    void aSecondReviewAnEntryThatIsNotPaperAndAMissingOneAreRefusedAndNotRecorded() throws Exception {
        assertThat(run("review", "approve", "2").exit()).isZero();
        int events = accessEvents().size();

        Run again = run("review", "reject", "2", "--reason", "second thoughts");
        Run live = run("review", "approve", "1");
        Run missing = run("review", "approve", "42");

        assertThat(List.of(again.exit(), live.exit(), missing.exit()))
                .containsOnly(ReviewCommands.EXIT_REVIEW_REFUSED);
        assertThat(again.err()).contains("reviewed already; its first review stands");
        assertThat(live.err()).contains("is not a paper certificate");
        assertThat(missing.err()).contains("There is no audit entry 42");
        assertThat(again.out() + live.out() + missing.out()).isEmpty();
        // each refused attempt recorded only its passphrase check, if any: no review event
        assertThat(accessEvents().subList(events, accessEvents().size())).noneMatch(e -> e.contains("|REVIEW_"));
        assertThat(accessEvents()).filteredOn(e -> e.contains("|REVIEW_")).hasSize(1);
    }

    @Test
    void aWrongPassphraseRecordsTheFailedLoginAndNoReview() throws Exception {
        passphrase = Files.writeString(dir.resolve("wrong.txt"), "not the passphrase");

        Run run = run("review", "approve", "2");

        assertThat(run.exit()).isEqualTo(AuditCommand.EXIT_REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(accessEvents()).last().asString().contains("|LOGIN_FAILED|");
        assertThat(accessEvents()).noneMatch(e -> e.contains("|REVIEW_"));
    }

    @Test
    void aReviewThatCannotBeRecordedIsNotReported() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse BEFORE INSERT ON access_entry WHEN NEW.action LIKE 'REVIEW%'"
                    + " BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
        }

        Run run = run("review", "approve", "2");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(accessEvents()).noneMatch(e -> e.contains("|REVIEW_"));
    }

    /** The paper entry {@code check} writes (the bundled demo service: no record) is the one the queue offers. */
    @Test
    void aPaperCertificateRecordedByCheckIsListedAndApproved() throws Exception {
        String unknownId = "44030519900101123X";
        Run check = run2("check", "--name", "赵小明", "--id", unknownId, "--paper-cert", "SQ-2026-0043",
                "--paper-centre", "潍坊新村街道社区事务受理服务中心", "--paper-issued",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), "--paper-category",
                "SUBSISTENCE_ALLOWANCE");
        assertThat(check.exit()).as(check.err()).isZero();
        long seq = Long.parseLong(check.out().replaceAll("(?s).*\"auditId\":\\s*(\\d+).*", "$1"));

        List<String> pending = run("review", "list").out().lines().skip(1).toList();
        assertThat(pending).hasSize(3).last().asString().startsWith(seq + "\t")
                .contains("\t440305********123X\t赵小明\tSQ-2026-0043\t潍坊新村街道社区事务受理服务中心\t")
                .endsWith("\tSUBSISTENCE_ALLOWANCE\tCHARGE").doesNotContain(unknownId);

        assertThat(run("review", "approve", Long.toString(seq), "--reason", "centre confirmed by phone").exit())
                .isZero();
        assertThat(run("review", "list").out().lines().skip(1)).hasSize(2)
                .noneMatch(l -> l.startsWith(seq + "\t"));
    }

    /** Any command on the test's log, without the review options. */
    private Run run2(String command, String... rest) {
        List<String> args = new ArrayList<>(List.of(command, "--config", config.toString(), "--audit-db",
                db.toString()));
        args.addAll(List.of(rest));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aMissingDatabaseIsRefusedAndNothingIsCreated() throws Exception {
        db = dir.resolve("elsewhere/audit.db");

        Run run = run("review", "list");

        assertThat(run.exit()).isEqualTo(AuditCommand.EXIT_NO_DATABASE);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("elsewhere");
        }
    }
}
