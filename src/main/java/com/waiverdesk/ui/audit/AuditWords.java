package com.waiverdesk.ui.audit;

import com.waiverdesk.app.AuditVocabulary;
import com.waiverdesk.audit.AccessEvent;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditWriteException;
import com.waiverdesk.audit.ChainReport;
import com.waiverdesk.audit.ErrorKeys;
import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.InputProblem;
import com.waiverdesk.domain.MatchResult;
import com.waiverdesk.ui.common.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The supervisor screen's sentences from notices, decisions, chain states and store problems, in one place. Keys are
 * written out in full (no key built from an enum name) so the localization test sees every one.
 */
final class AuditWords {
    /** Every time on the screen carries its offset, so no one has to guess the zone. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final Texts texts;
    private final ZoneId zone;
    private final AuditVocabulary vocabulary;

    AuditWords(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
        this.vocabulary = new AuditVocabulary(texts.locale());
    }

    String notice(AuditNotice notice) {
        switch (notice.kind()) {
            case NAME_MISSING:
                return texts.get("audit.notice.NAME_MISSING");
            case TOO_SHORT:
                return texts.get("audit.notice.TOO_SHORT", notice.arg(0));
            case ALL_DIGITS:
                return texts.get("audit.notice.ALL_DIGITS");
            case MISMATCH:
                return texts.get("audit.notice.MISMATCH");
            case WRONG_PASSPHRASE:
                return texts.get("audit.notice.WRONG_PASSPHRASE", notice.arg(0));
            case LOCKED:
                return texts.get("audit.notice.LOCKED", MINUTE.format(((Instant) notice.arg(0)).atZone(zone)));
            case ALREADY_SET:
                return texts.get("audit.notice.ALREADY_SET");
            case NOT_SET:
                return texts.get("audit.notice.NOT_SET");
            case CREDENTIAL_PROBLEM:
                return texts.get("audit.notice.CREDENTIAL_PROBLEM");
            case SERVER_REFUSED:
                return texts.get("audit.notice.SERVER_REFUSED");
            case SERVER_UNAVAILABLE:
                return texts.get("audit.notice.SERVER_UNAVAILABLE", notice.arg(0));
            case CHANGED:
                return texts.get("audit.notice.CHANGED");
            case BAD_ID:
                return texts.get("audit.notice.BAD_ID", texts.get("input." + (InputProblem) notice.arg(0)));
            case DATES_BACKWARDS:
                return texts.get("audit.notice.DATES_BACKWARDS");
            case READ_FAILED:
                return texts.get("audit.notice.READ_FAILED", store(notice.arg(0)));
            case NOT_RECORDED:
                return texts.get("audit.notice.NOT_RECORDED", action(notice.arg(0)), store(notice.arg(1)));
            case EXPORTED:
                return texts.get("audit.notice.EXPORTED", notice.arg(0));
            case VERIFY_INTACT:
                return texts.get("audit.notice.VERIFY_INTACT", notice.arg(0));
            case VERIFY_BROKEN:
                return texts.get("audit.notice.VERIFY_BROKEN", Long.toString((Long) notice.arg(0)),
                        breakKind((ChainReport.BreakKind) notice.arg(1)));
            case PURGED:
                return texts.get("audit.notice.PURGED", notice.arg(0), notice.arg(1).toString());
            case PURGE_TOO_RECENT:
                return texts.get("audit.notice.PURGE_TOO_RECENT", notice.arg(0).toString(), notice.arg(1));
            case JOB_FAILED:
                return texts.get("audit.notice.JOB_FAILED", action(notice.arg(0)), store(notice.arg(1)));
            case APPROVED:
                return texts.get("audit.notice.APPROVED", seq(notice));
            case REJECTED:
                return texts.get("audit.notice.REJECTED", seq(notice));
            case REVIEW_TAKEN:
                return texts.get("audit.notice.REVIEW_TAKEN", seq(notice));
            case REVIEW_GONE:
                return texts.get("audit.notice.REVIEW_GONE", seq(notice));
            case REVIEW_NOT_PAPER:
                return texts.get("audit.notice.REVIEW_NOT_PAPER", seq(notice));
            case REVIEW_REASON_MISSING:
                return texts.get("audit.notice.REVIEW_REASON_MISSING");
            case REVIEW_REASON_TOO_LONG:
                return texts.get("audit.notice.REVIEW_REASON_TOO_LONG", notice.arg(0));
            case REVIEW_FAILED:
                return texts.get("audit.notice.REVIEW_FAILED", seq(notice), store(notice.arg(1)));
            default:
                return texts.get("audit.notice.CANCELLED", action(notice.arg(0)));
        }
    }

    /** An entry's number as written, without grouping ("#1234", not "#1,234"). */
    private static String seq(AuditNotice notice) {
        return String.valueOf(notice.arg(0));
    }

    /** An access action or a job, as the subject of a sentence ("The search"). */
    String action(Object actionOrJob) {
        switch (String.valueOf(actionOrJob)) {
            case "OPEN_AUDIT":
                return texts.get("audit.action.OPEN_AUDIT");
            case "SEARCH":
                return texts.get("audit.action.SEARCH");
            case "EXPORT_CSV":
                return texts.get("audit.action.EXPORT_CSV");
            case "EXPORT_FHIR":
                return texts.get("audit.action.EXPORT_FHIR");
            case "VERIFY":
                return texts.get("audit.action.VERIFY");
            case "PURGE":
                return texts.get("audit.action.PURGE");
            default:
                return texts.get("audit.action.other");
        }
    }

    /** What went wrong in the store (an {@link AuditWriteException.Kind}, or FILE for an export file). */
    String store(Object kind) {
        switch (String.valueOf(kind)) {
            case "LOCKED":
                return texts.get("audit.store.LOCKED");
            case "READ_ONLY":
                return texts.get("audit.store.READ_ONLY");
            case "DISK_FULL":
                return texts.get("audit.store.DISK_FULL");
            case "CORRUPT":
                return texts.get("audit.store.CORRUPT");
            case "FILE":
                return texts.get("audit.store.FILE");
            default:
                return texts.get("audit.store.UNAVAILABLE");
        }
    }

    String breakKind(ChainReport.BreakKind kind) {
        switch (kind) {
            case EDITED:
                return texts.get("audit.break.EDITED");
            case DELETED:
                return texts.get("audit.break.DELETED");
            case INSERTED:
                return texts.get("audit.break.INSERTED");
            case REORDERED:
                return texts.get("audit.break.REORDERED");
            case TRUNCATED:
                return texts.get("audit.break.TRUNCATED");
            default:
                return texts.get("audit.break.ANCHOR_INVALID");
        }
    }

    String chain(ChainStatus status, ChainReport report) {
        switch (status) {
            case VERIFIED:
                return texts.get("audit.chain.VERIFIED");
            case NEWER_THAN_CHECK:
                return texts.get("audit.chain.NEWER_THAN_CHECK");
            case FIRST_BREAK:
                return texts.get("audit.chain.FIRST_BREAK", breakKind(report.firstBreak().kind()));
            case AFTER_BREAK:
                return texts.get("audit.chain.AFTER_BREAK");
            default:
                return texts.get("audit.chain.NOT_VERIFIED");
        }
    }

    String decision(DecisionKind kind) {
        return kind == null ? texts.get("audit.filter.all") : vocabulary.decision(kind);
    }

    /** A service result as stored (MATCH, NO_RECORD, NAME_MISMATCH), or the dash when there was none. */
    String result(String stored) {
        return stored == null ? none() : vocabulary.serviceResult(stored);
    }

    String result(MatchResult choice) {
        return choice == null ? texts.get("audit.filter.all") : result(choice.name());
    }

    /** The recorded reason in words, e.g. 平台未给出答复：超时 for {@code SERVICE_FAILED:TIMEOUT}. */
    String reason(String code) {
        return vocabulary.reason(code);
    }

    String category(String code) {
        return vocabulary.category(code);
    }

    /** How the patient proved status, in the words the exports use too; "all" for none. */
    String channel(Channel channel) {
        return channel == null ? texts.get("audit.filter.all") : vocabulary.channel(channel);
    }

    /** A list's age at the check, in whole minutes, hours (under two days) or days; "none held" for none. */
    String listAge(Long seconds) {
        if (seconds == null) {
            return texts.get("audit.age.none");
        }
        long s = Math.max(0, seconds);
        if (s < 3600) {
            return texts.get("audit.age.minutes", s / 60);
        }
        if (s < 48 * 3600) {
            return texts.get("audit.age.hours", s / 3600);
        }
        return texts.get("audit.age.days", s / 86_400);
    }

    String reviewStatus(ReviewState state) {
        switch (state.status()) {
            case NOT_PAPER:
                return none();
            case READING:
                return texts.get("audit.review.reading");
            case PENDING:
                return vocabulary.reviewState("PENDING");
            case UNREADABLE:
                return texts.get("audit.review.unreadable");
            default:
                return vocabulary.reviewState(state.approved() ? "APPROVED" : "REJECTED");
        }
    }

    /** The style class suffix of a review state: pending, approved, rejected, or unknown. */
    String reviewClass(ReviewState state) {
        switch (state.status()) {
            case PENDING:
                return "pending";
            case REVIEWED:
                return state.approved() ? "approved" : "rejected";
            default:
                return "unknown";
        }
    }

    String categories(List<String> codes) {
        return codes.isEmpty() ? none() : vocabulary.categories(codes);
    }

    /** What went wrong ({@link ErrorKeys}) in words; empty when nothing did. */
    String error(AuditEntry entry) {
        String key = ErrorKeys.of(entry);
        return key == null ? "" : vocabulary.error(key);
    }

    /** An error key of the filter in words; "all" for none. */
    String errorChoice(String key) {
        return key == null ? texts.get("audit.filter.all") : vocabulary.error(key);
    }

    /** A workstation time in the screen's zone, with its offset: {@code 2026-12-06 12:01:05 +08:00}. */
    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /**
     * The service's {@code checkedAt} in the screen's zone too, so both times read alike; as the service wrote it
     * when its offset differs.
     */
    String serviceTime(OffsetDateTime serviceTime) {
        String local = time(serviceTime.toInstant());
        ZoneOffset here = zone.getRules().getOffset(serviceTime.toInstant());
        return serviceTime.getOffset().equals(here) ? local
                : texts.get("audit.detail.serviceTime.written", local, TIME.format(serviceTime));
    }

    /** How far the service's clock was from the workstation's when this check was made, in words. */
    String clockDifference(Instant workstation, OffsetDateTime service) {
        long millis = Duration.between(workstation, service.toInstant()).toMillis();
        // whole seconds, rounded: the check itself takes a fraction of one
        long seconds = Math.round(Math.abs(millis) / 1000.0);
        if (seconds == 0) {
            return texts.get("audit.detail.clock.same");
        }
        return millis > 0 ? texts.get("audit.detail.clock.serviceLater", seconds)
                : texts.get("audit.detail.clock.serviceEarlier", seconds);
    }

    /** The zone's offset now, e.g. {@code +08:00}, for labels of days and dates. */
    String offsetNow(Instant now) {
        return OFFSET.format(now.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }

    String none() {
        return texts.get("audit.value.none");
    }

    Texts texts() {
        return texts;
    }
}
