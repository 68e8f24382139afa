package com.waiverdesk.verification.ecert;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.InvalidInputException;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.domain.ShanghaiCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Rules 1–4 of e-certificate.md, in order, the first failure deciding (docs/e-certificate.md has the desk's reading
 * where the spec is silent). Never throws for anything in the text, the lists or the status reply: every path ends
 * in ACCEPTED only when all four rules held, else REFUSED (charge) or CANNOT_VERIFY.
 */
public final class EcertVerifier {
    public static final Duration MAX_TRUST_LIST_AGE = Duration.ofDays(7);
    public static final Duration MAX_REVOCATION_LIST_AGE = Duration.ofHours(24);
    /** How far a certificate's or list's issuedAt may lie after the workstation's clock (clocks differ a little). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(300);
    private static final System.Logger LOG = System.getLogger(EcertVerifier.class.getName());

    private final Clock clock;
    private final Duration maxTrustListAge;
    private final Duration maxRevocationListAge;

    public EcertVerifier(Clock clock) {
        this(clock, MAX_TRUST_LIST_AGE, MAX_REVOCATION_LIST_AGE);
    }

    /** IT may shorten the lists' maximum ages, never lengthen them. */
    public EcertVerifier(Clock clock, Duration maxTrustListAge, Duration maxRevocationListAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxTrustListAge = within(maxTrustListAge, MAX_TRUST_LIST_AGE, "trust list");
        this.maxRevocationListAge = within(maxRevocationListAge, MAX_REVOCATION_LIST_AGE, "revocation list");
    }

    private static Duration within(Duration age, Duration limit, String what) {
        Objects.requireNonNull(age, what + " age");
        if (age.isNegative() || age.isZero() || age.compareTo(limit) > 0) {
            throw new IllegalArgumentException("the " + what + "'s maximum age must be more than 0 and at most "
                    + limit + ", not " + age);
        }
        return age;
    }

    /**
     * Judges a scanned text for the patient the clerk entered.
     *
     * @param lookup the service's status call, or {@code null} when the desk is offline
     */
    public EcertFinding verify(String text, String patientName, String patientId, ListSnapshot lists,
                               StatusLookup lookup) {
        Instant now = clock.instant();
        Judgement j = new Judgement(now, lists == null ? ListSnapshot.NONE : lists);
        if (!EcertText.isCertificateText(text)) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.INVALID_INPUT, "not an SHEC1 text");
        }
        j.kid = kidOf(text);
        EcertText.Parsed parsed;
        try {
            parsed = EcertText.read(text);
        } catch (MalformedTextException e) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE, "malformed: " + e.getMessage());
        }
        EcertPayload payload = parsed.payload();
        j.payload = payload;
        EcertFinding failed = rule1(j, parsed);
        if (failed == null) {
            failed = rule2(j, payload, lookup);
        }
        if (failed == null) {
            failed = rule3(j, payload);
        }
        if (failed == null && !samePerson(payload, patientName, patientId, j.today)) {
            failed = j.refuse(j.channel, DecisionReason.ECERT_NOT_THIS_PATIENT, "holder is not the patient "
                    + ResidentId.mask(patientId));
        }
        return failed != null ? failed : j.accept();
    }

    /** Rule 1: a trust list signed by the root and young enough, a key in it that vouches for this certificate. */
    private EcertFinding rule1(Judgement j, EcertText.Parsed parsed) {
        TrustList trust = j.lists.trustList();
        if (trust == null) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_UNTRUSTED, null,
                    "no trust list signed by the pinned root is held");
        }
        if (trust.issuedAt().toInstant().isAfter(j.now.plus(FUTURE_TOLERANCE))) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_UNTRUSTED, null,
                    "the trust list was issued after the workstation's clock (" + trust.issuedAt() + ")");
        }
        if (Duration.between(trust.issuedAt().toInstant(), j.now).compareTo(maxTrustListAge) > 0) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_TOO_OLD, null,
                    "the trust list is " + j.trustListAge + " s old");
        }
        TrustedKey key = trust.key(parsed.text().kid()).orElse(null);
        if (key == null) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE, "kid not in the trust list");
        }
        if (!parsed.text().verifiedBy(key.publicKey())) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE, "signature does not verify");
        }
        EcertPayload payload = parsed.payload();
        if (key.status() == TrustedKey.Status.COMPROMISED) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE, "key is COMPROMISED");
        }
        LocalDate issuedDay = ShanghaiCalendar.dateOf(payload.issuedAt());
        if (!key.vouchesFor(issuedDay)) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE, "issued on " + issuedDay
                    + ", outside the key's validity " + key.validFrom() + ".." + key.validUntil());
        }
        if (!key.issuer().equals(payload.issuer())) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE,
                    "issuer differs from the trust list's issuer of the key");
        }
        if (payload.issuedAt().toInstant().isAfter(j.now.plus(FUTURE_TOLERANCE))) {
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_NOT_GENUINE,
                    "issued more than 300 s after the workstation's clock (" + payload.issuedAt() + ")");
        }
        return null;
    }

    /** Rule 2: the status call, or the revocation list when (and only when) the service cannot be reached. */
    private EcertFinding rule2(Judgement j, EcertPayload payload, StatusLookup lookup) {
        RevocationList revocations = j.lists.revocationList();
        if (lookup == null) {
            return offline(j, payload, revocations, "offline");
        }
        StatusReply reply;
        try {
            reply = lookup.status(payload.certId(), payload.holderIdNumber());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "e-certificate status call threw " + e.getClass().getName());
            return j.cannotVerify(Channel.ECERT_ONLINE, ServiceFailure.MALFORMED_REPLY, null,
                    "the status call failed unexpectedly");
        }
        if (reply == null || (reply.status() == null) == (reply.failure() == null)) {
            return j.cannotVerify(Channel.ECERT_ONLINE, ServiceFailure.MALFORMED_REPLY,
                    reply == null ? null : reply.errorCode(), "the status reply has neither or both a status and a failure");
        }
        if (reply.failure() != null) {
            if (reply.cannotBeReached()) {
                return offline(j, payload, revocations, "service " + reply.failure());
            }
            return j.cannotVerify(Channel.ECERT_ONLINE, reply.failure(), reply.errorCode(),
                    "status call failed: " + reply.failure() + " " + reply.errorCode());
        }
        if (reply.checkedAt() == null) {
            return j.cannotVerify(Channel.ECERT_ONLINE, ServiceFailure.MALFORMED_REPLY, null,
                    "the status reply has no checkedAt");
        }
        j.channel = Channel.ECERT_ONLINE;
        switch (reply.status()) {
            case REVOKED:
                return j.refuse(Channel.ECERT_ONLINE, DecisionReason.ECERT_REVOKED, "status REVOKED");
            case EXPIRED:
                return j.refuse(Channel.ECERT_ONLINE, DecisionReason.ECERT_EXPIRED, "status EXPIRED");
            case UNKNOWN:
                return j.refuse(Channel.ECERT_ONLINE, DecisionReason.ECERT_UNKNOWN_TO_SERVICE, "status UNKNOWN");
            case VALID:
                if (revocations != null && revocations.isRevoked(payload.certId())) {
                    return j.refuse(Channel.ECERT_ONLINE, DecisionReason.ECERT_REVOKED,
                            "status VALID but the revocation list lists it");
                }
                j.checkedAt = reply.checkedAt();
                return null;
            default:
                return j.cannotVerify(Channel.ECERT_ONLINE, ServiceFailure.MALFORMED_REPLY, null, "status unknown");
        }
    }

    private EcertFinding offline(Judgement j, EcertPayload payload, RevocationList revocations, String why) {
        j.channel = Channel.ECERT_OFFLINE;
        if (revocations != null && revocations.isRevoked(payload.certId())) {
            // a revocation stays: even a list too old to clear a certificate can condemn one
            return j.refuse(Channel.ECERT_OFFLINE, DecisionReason.ECERT_REVOKED, "the revocation list lists it");
        }
        if (revocations == null) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_TOO_OLD, null,
                    why + " and no revocation list is held");
        }
        if (revocations.issuedAt().toInstant().isAfter(j.now.plus(FUTURE_TOLERANCE))) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_UNTRUSTED, null,
                    "the revocation list was issued after the workstation's clock (" + revocations.issuedAt() + ")");
        }
        if (Duration.between(revocations.issuedAt().toInstant(), j.now).compareTo(maxRevocationListAge) > 0) {
            return j.cannotVerify(Channel.ECERT_OFFLINE, ServiceFailure.ECERT_LISTS_TOO_OLD, null,
                    why + " and the revocation list is " + j.revocationListAge + " s old");
        }
        return null;
    }

    /** Rule 3: valid on the workstation's Shanghai date and, online, on the status answer's too. */
    private static EcertFinding rule3(Judgement j, EcertPayload payload) {
        LocalDate[] days = j.checkedAt == null ? new LocalDate[] {j.today}
                : new LocalDate[] {j.today, ShanghaiCalendar.dateOf(j.checkedAt)};
        for (LocalDate day : days) {
            if (day.isBefore(payload.validFrom())) {
                return j.refuse(j.channel, DecisionReason.ECERT_NOT_YET_VALID, "not valid before " + payload.validFrom()
                        + ", judged on " + day);
            }
            if (day.isAfter(payload.validUntil())) {
                return j.refuse(j.channel, DecisionReason.ECERT_EXPIRED, "valid until " + payload.validUntil()
                        + ", judged on " + day);
            }
        }
        return null;
    }

    /** Rule 4, after the usual normalization; a valid 15-digit ID the clerk typed is compared in its 18-digit form. */
    static boolean samePerson(EcertPayload payload, String patientName, String patientId, LocalDate today) {
        String name = PersonName.normalize(patientName);
        if (name.isEmpty() || !name.equals(PersonName.normalize(payload.holderName()))) {
            return false;
        }
        String id;
        try {
            id = ResidentId.parse(patientId, today).value();
        } catch (InvalidInputException e) {
            id = ResidentId.normalize(patientId);
        }
        return !id.isEmpty() && id.equals(ResidentId.normalize(payload.holderIdNumber()));
    }

    private static String kidOf(String text) {
        String[] parts = text.split("\\.", 3);
        return parts.length >= 2 && CompactText.KID.matcher(parts[1]).matches() ? parts[1] : null;
    }

    /** One check's state: what is known so far, to fill the finding whichever rule ends it. */
    private static final class Judgement {
        final Instant now;
        final ListSnapshot lists;
        final LocalDate today;
        final Long trustListAge;
        final Long revocationListAge;
        String kid;
        EcertPayload payload;
        Channel channel = Channel.ECERT_OFFLINE;
        OffsetDateTime checkedAt;

        Judgement(Instant now, ListSnapshot lists) {
            this.now = now;
            this.lists = lists;
            this.today = ShanghaiCalendar.dateOf(now.atOffset(ZoneOffset.UTC));
            this.trustListAge = lists.trustList() == null ? null
                    : Duration.between(lists.trustList().issuedAt().toInstant(), now).getSeconds();
            this.revocationListAge = lists.revocationList() == null ? null
                    : Duration.between(lists.revocationList().issuedAt().toInstant(), now).getSeconds();
        }

        EcertFinding refuse(Channel channel, DecisionReason reason, String why) {
            LOG.log(System.Logger.Level.INFO, "e-certificate {0} (kid {1}) refused, {2}: {3}", certId(), kid,
                    reason, why);
            return finding(channel, EcertFinding.Verdict.REFUSED, reason, null, null);
        }

        EcertFinding cannotVerify(Channel channel, ServiceFailure failure, String errorCode, String why) {
            LOG.log(System.Logger.Level.INFO, "e-certificate {0} (kid {1}) could not be verified, {2}: {3}", certId(),
                    kid, failure, why);
            return finding(channel, EcertFinding.Verdict.CANNOT_VERIFY, null, failure, errorCode);
        }

        EcertFinding accept() {
            // the acceptance is in the audit log; the log keeps INFO for what someone may have to look into
            LOG.log(System.Logger.Level.DEBUG, "e-certificate {0} (kid {1}) accepted {2}", certId(), kid, channel);
            return finding(channel, EcertFinding.Verdict.ACCEPTED, null, null, null);
        }

        private String certId() {
            return payload == null ? null : payload.certId();
        }

        private EcertFinding finding(Channel channel, EcertFinding.Verdict verdict, DecisionReason reason,
                                     ServiceFailure failure, String errorCode) {
            return new EcertFinding(channel, verdict, reason, failure, errorCode, certId(), kid,
                    payload == null ? null : payload.category(), payload == null ? null : payload.validFrom(),
                    payload == null ? null : payload.validUntil(), trustListAge, revocationListAge, today);
        }
    }
}
