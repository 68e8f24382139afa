package com.waiverdesk.audit.server;

import static com.waiverdesk.audit.server.SupervisorFixture.CLOCK;
import static com.waiverdesk.audit.server.SupervisorFixture.WORKSTATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.StoredEntry;
import com.waiverdesk.audit.WholeReviewQueue;
import com.waiverdesk.domain.DecisionKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The review queue on a real private server, a page at a time (V7__review_queue_page.sql): each waiting paper entry
 * once, oldest first, while other supervisors review between the pages; its count; what the access chain records (one
 * SEARCH of the queue per login in 15 minutes, however many pages); the bounds of a page; and thousands waiting. In
 * order: the entries added by the first tests stay for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewQueuePgTest extends SupervisorServerTest {
    private static final String DETAIL = "review queue (paper entries pending review)";

    private static ServerAuditReader reader(String login) {
        return new ServerAuditReader(server.supervisor(login), WORKSTATION, CLOCK);
    }

    /** Appends {@code n} entries from desk-a, every third a live query, the others paper; returns the paper seqs. */
    private static List<Long> append(int n) throws Exception {
        List<Long> paper = new ArrayList<>();
        try (ServerAuditLog desk = new ServerAuditLog(server.it.as("desk-a", SupervisorFixture.DESK_PW))) {
            for (int i = 1; i <= n; i++) {
                boolean isPaper = i % 3 != 0;
                ProofDetail proof = isPaper ? ProofDetail.paper("沪民证字1" + i, "徐汇区凌云街道社区事务受理服务中心",
                        LocalDate.of(2026, 4, 1 + i % 28), "SUBSISTENCE_ALLOWANCE", null) : ProofDetail.liveQuery();
                AuditEntry entry = SupervisorFixture.entry(SupervisorFixture.at(11, 8, i), "clerk-1", "WIN-01",
                        DecisionKind.WAIVE, isPaper ? "PAPER_PROVISIONAL_WAIVE" : "WAIVED_BY_CATEGORY",
                        isPaper ? null : "MATCH", null, "周" + "一二三四五".charAt(i % 5), "c" + (i % 10) + "d".repeat(62),
                        proof);
                long seq = desk.append(UUID.randomUUID(), entry, null);
                if (isPaper) {
                    paper.add(seq);
                }
            }
        }
        return paper;
    }

    @Test
    @Order(1)
    void eachWaitingEntryIsListedOnceOldestFirstWhileAnotherSupervisorReviewsBetweenPages() throws Exception {
        List<Long> expected = new ArrayList<>(List.of(6L, 7L, 9L));
        expected.addAll(append(45));
        int waiting = expected.size();
        ServerSupervisorActions other = new ServerSupervisorActions(server.supervisor("sup-2"), "SUP-WS-2", CLOCK,
                null);
        List<Long> listed = new ArrayList<>();
        int reviews = 0;
        try (ServerAuditReader reader = reader("sup-1")) {
            assertThat(reader.pendingReviews()).isEqualTo(waiting);
            long after = 0;
            int pages = 0;
            do {
                ReviewPage page = reader.reviewQueue(after, 5);
                assertThat(page.entries()).hasSizeLessThanOrEqualTo(5)
                        .allSatisfy(e -> assertThat(e.server()).as("with the server's facts").isNotNull());
                page.entries().forEach(e -> listed.add(e.seq()));
                after = page.nextAfterSeq();
                pages++;
                if (page.hasMore()) {
                    // one entry this page listed, and one the next page would have listed
                    other.review(page.entries().get(1).seq(), true, "");
                    long later = expected.get(expected.indexOf(after) + 2);
                    other.review(later, false, "stamp of another district");
                    expected.remove(Long.valueOf(later));
                    reviews += 2;
                }
            } while (after > 0);

            assertThat(listed).isEqualTo(expected);
            assertThat(pages).isGreaterThan(4);
            assertThat(reader.pendingReviews()).isEqualTo(waiting - reviews);
            assertThat(WholeReviewQueue.seqs(reader, 7)).hasSize(waiting - reviews).isSorted();
        }
    }

    @Test
    @Order(2)
    void aLookAtTheQueueIsRecordedOnceForAllItsPagesAndItsCount() throws Exception {
        long mark = server.accessHead();
        // a login no other test uses: what it looked at in the last 15 minutes is this test's alone
        try (ServerAuditReader reader = reader("sup-3")) {
            ReviewPage first = reader.reviewQueue(0, 3);
            reader.pendingReviews();
            reader.reviewQueue(first.nextAfterSeq(), 3);
            reader.reviewQueue(0, 3);
            reader.pendingReviews();
        }
        assertThat(server.accessSince(mark)).containsExactly(
                "SEARCH|" + DETAIL + "|null|sup-3|SUP-WS|sup-3|" + CLOCK.millis());

        try (ServerAuditReader reader = reader("sup-2")) {
            reader.pendingReviews();
            reader.reviewQueue(0, 3);
        }
        assertThat(server.accessSince(mark)).as("another supervisor's look is theirs").hasSize(2).last()
                .isEqualTo("SEARCH|" + DETAIL + "|null|sup-2|SUP-WS|sup-2|" + CLOCK.millis());
    }

    @Test
    @Order(3)
    void aScreensRefreshRecordedFirstIsTheLookItsPagesBelongTo() throws Exception {
        server.server.admin().addLogin("sup-4", ServerAdmin.Kind.SUPERVISOR, SupervisorFixture.SUPERVISOR_PW.clone());
        long mark = server.accessHead();
        // what the screen's Refresh records (ReviewQueue.SEARCH_DETAIL) before it reads
        new ServerSupervisorActions(server.supervisor("sup-4"), WORKSTATION, CLOCK, null)
                .record(AccessEvent.Action.SEARCH, DETAIL);
        try (ServerAuditReader reader = reader("sup-4")) {
            reader.reviewQueue(0, 3);
            reader.pendingReviews();
        }
        assertThat(server.accessSince(mark)).singleElement().asString().startsWith("SEARCH|" + DETAIL + "|");
    }

    @Test
    @Order(4)
    void aPageHoldsOneTo1000EntriesAndTheReaderAsksAtMost999() throws Exception {
        long mark = server.accessHead();
        try (Connection c = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW); Statement s = c.createStatement()) {
            for (String limit : List.of("0", "1001", "NULL", "-1")) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM waiverdesk.review_queue_page(0, 'x', 0, "
                        + limit + ")")).as(limit).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
            }
            assertThat(rows(s, "SELECT seq FROM waiverdesk.review_queue_page(0, 'x', NULL, 1000)"))
                    .as("no key: from the oldest").startsWith(6L);
        }
        assertThat(server.accessSince(mark)).as("a refused page reads nothing and records nothing").isEmpty();
        try (ServerAuditReader reader = reader("sup-1")) {
            assertThatThrownBy(() -> reader.reviewQueue(0, 1000)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> reader.reviewQueue(0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Order(5)
    void theFunctionOfOlderScreensStillGivesTheWholeQueue() throws Exception {
        try (Connection c = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW); Statement s = c.createStatement();
             ServerAuditReader reader = reader("sup-1")) {
            assertThat(rows(s, "SELECT seq FROM waiverdesk.review_queue(0, 'x')"))
                    .isEqualTo(WholeReviewQueue.seqs(reader, 4));
        }
    }

    @Test
    @Order(6)
    void fiveThousandWaitingAreReadInPagesNoneLargerThanAsked() throws Exception {
        List<Long> before;
        try (ServerAuditReader reader = reader("sup-1")) {
            before = WholeReviewQueue.seqs(reader, 50);
        }
        long first = copyPaperEntry(6, 5_000);
        try (ServerAuditReader reader = reader("sup-1")) {
            assertThat(reader.pendingReviews()).isEqualTo(before.size() + 5_000L);
            ReviewPage page = reader.reviewQueue(0, ReviewPage.MAX_SIZE);
            assertThat(page.entries()).hasSize(ReviewPage.MAX_SIZE);
            assertThat(page.entries()).extracting(StoredEntry::seq).startsWith(before.toArray(new Long[0]));

            List<Long> all = WholeReviewQueue.seqs(reader, ReviewPage.MAX_SIZE);
            assertThat(all).hasSize(before.size() + 5_000).doesNotHaveDuplicates().isSorted();
            assertThat(all.subList(before.size(), all.size())).startsWith(first).endsWith(first + 4_999);
        }
        try (Connection c = server.login("sup-1", SupervisorFixture.SUPERVISOR_PW); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT seq FROM waiverdesk.review_queue_page(0, 'x', 0, 1000)")).hasSize(1_000);
        }
    }

    /**
     * Adds {@code n} copies of paper entry {@code seq} after the last entry, as the superuser: only the queue is read
     * here, so they skip the desks' function (and its chain) for speed. Returns the first new seq.
     */
    private static long copyPaperEntry(long seq, int n) throws SQLException {
        try (Connection c = server.pg.superuserConnection(SupervisorFixture.DB); Statement s = c.createStatement()) {
            s.execute("SET search_path = waiverdesk");
            long head;
            try (ResultSet rs = s.executeQuery("SELECT seq FROM chain_head WHERE chain = 'checks'")) {
                rs.next();
                head = rs.getLong(1);
            }
            s.execute("CREATE TEMP TABLE paper_copy AS SELECT * FROM audit_entry WHERE seq = " + seq);
            s.execute("INSERT INTO audit_entry SELECT " + head + " + g, gen_random_uuid(), ws_time_ms, service_time,"
                    + " operator, workstation, masked_id, id_hash, name, decision, deposit_percent, reason, categories,"
                    + " service_result, request_id, error_code, latency_ms, policy_id, policy_sha256, service_url,"
                    + " demo_service, program_version, channel, cert_id, cert_kid, trust_list_age_s,"
                    + " revocation_list_age_s, paper_number, paper_centre, paper_issued, paper_category, follows_seq,"
                    + " holder_from_certificate, received_us, writer, spooled_ms, prev_hash, entry_hash"
                    + " FROM paper_copy, generate_series(1, " + n + ") g");
            s.execute("UPDATE chain_head SET seq = " + (head + n) + " WHERE chain = 'checks'");
            s.execute("ANALYZE audit_entry");
            return head + 1;
        }
    }

    private static List<Long> rows(Statement s, String sql) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }
}
