package com.waiverdesk.cli;

import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditReader;
import com.waiverdesk.audit.ProofDetail;
import com.waiverdesk.audit.Review;
import com.waiverdesk.audit.ReviewPage;
import com.waiverdesk.audit.ReviewRefusedException;
import com.waiverdesk.audit.StoredEntry;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audit review list|approve|reject}: the supervisor's review queue of paper-certificate entries on the command
 * line. Each needs the supervisor passphrase; the list is recorded in the access chain before it is printed, and a
 * review is itself an event of that chain, committed before it is reported.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The paper certificates waiting for a supervisor's review: list them, approve or reject one.",
        subcommands = {ReviewCommands.ListPending.class, ReviewCommands.Approve.class, ReviewCommands.Reject.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the program failed (e.g. the review could not be recorded)",
            "2:approve, reject: refused, nothing recorded (not a paper entry, reviewed already, no such entry,"
                + " a rejection without a reason, a reason over 500 characters)",
            "6:the passphrase was refused or is locked", "7:there is no audit database at that path",
            "64:wrong usage"})
final class ReviewCommands {
    /** A review that was refused: nothing was recorded (as cli.md's exit 2, input refused before anything is done). */
    static final int EXIT_REVIEW_REFUSED = 2;
    static final List<String> LIST_HEADER = List.of("seq", "time", "masked_id", "name", "paper_number",
            "paper_centre", "paper_issued", "paper_category", "decision");
    /** Entries read at a time by {@code list}. */
    static final int LIST_PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ReviewCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The paper-certificate entries not yet reviewed, oldest first, one per line, tab-separated"
                    + " (the ID masked).")
    static final class ListPending implements Callable<Integer> {
        @Mixin
        AuditCommand.AuditOptions parent;

        @Override
        public Integer call() {
            return parent.withExistingLog((supervision, out) -> {
                if (!parent.admit(supervision)) {
                    return AuditCommand.EXIT_REFUSED;
                }
                AuditReader reader = supervision.reader();
                supervision.record(parent.supervisor, AccessEvent.Action.SEARCH,
                        "command line: review queue, " + reader.pendingReviews() + " pending");
                out.println(String.join("\t", LIST_HEADER));
                ZoneId zone = ZoneId.systemDefault();
                long printed = 0;
                long after = 0;
                do {
                    // a page at a time, printed as it comes: tens of thousands waiting never sit in memory at once
                    ReviewPage page = reader.reviewQueue(after, LIST_PAGE);
                    for (StoredEntry stored : page.entries()) {
                        out.println(line(stored, zone));
                    }
                    printed += page.entries().size();
                    after = page.nextAfterSeq();
                } while (after > 0);
                parent.spec.commandLine().getErr().println(printed + " paper certificate"
                        + (printed == 1 ? "" : "s") + " waiting for review");
                return 0;
            });
        }
    }

    /** One pending entry as a tab-separated line; a tab or line break in a recorded text becomes a space. */
    static String line(StoredEntry stored, ZoneId zone) {
        AuditEntry e = stored.entry();
        ProofDetail p = e.proof();
        return String.join("\t", List.of(Long.toString(stored.seq()),
                TIME.format(e.workstationTime().atZone(zone)), cell(e.maskedId()), cell(e.name()),
                cell(p.paperNumber()), cell(p.paperCentre()), p.paperIssued().toString(), cell(p.paperCategory()),
                e.decision().name()));
    }

    private static String cell(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve the paper certificate of entry SEQ (the first review of an entry counts).")
    static final class Approve implements Callable<Integer> {
        @Mixin
        AuditCommand.AuditOptions parent;

        @Parameters(index = "0", paramLabel = "SEQ", description = "The entry's number (from `audit review list`).")
        long seq;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (optional for an approval).")
        String reason = "";

        @Override
        public Integer call() {
            return review(parent, seq, true, reason);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject the paper certificate of entry SEQ, saying why (the first review of an entry counts).")
    static final class Reject implements Callable<Integer> {
        @Mixin
        AuditCommand.AuditOptions parent;

        @Parameters(index = "0", paramLabel = "SEQ", description = "The entry's number (from `audit review list`).")
        long seq;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
        String reason;

        @Override
        public Integer call() {
            return review(parent, seq, false, reason);
        }
    }

    private static int review(AuditCommand.AuditOptions parent, long seq, boolean approve, String reason) {
        PrintWriter err = parent.spec.commandLine().getErr();
        if (!approve && reason.isBlank()) {
            err.println("waiverdesk audit: " + new ReviewRefusedException(ReviewRefusedException.Why.REASON_REQUIRED,
                    seq).getMessage() + " Nothing was recorded.");
            return EXIT_REVIEW_REFUSED;
        }
        return parent.withExistingLog((supervision, out) -> {
            if (!parent.admit(supervision)) {
                return AuditCommand.EXIT_REFUSED;
            }
            Review review;
            try {
                review = supervision.review(seq, approve, reason, parent.supervisor);
            } catch (ReviewRefusedException e) {
                err.println("waiverdesk audit: " + e.getMessage() + " Nothing was recorded.");
                return EXIT_REVIEW_REFUSED;
            }
            out.printf("entry %d: %s by %s at %s; recorded in the access log%n", seq,
                    approve ? "approved" : "rejected", review.supervisor(), review.time());
            return 0;
        });
    }
}
