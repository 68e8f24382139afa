package com.waiverdesk.mock;

import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.EcertPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo e-certificates of the built-in registry's people: the ones the mock's status call knows (by fixed certIds,
 * so samples written on any day stay known), and the sample texts of {@code ecert sample}, one per outcome.
 */
public final class DemoCertificates {
    static final String VALID_ID = "SHMZ-DEMO-0001";
    static final String REDUCED_ID = "SHMZ-DEMO-0002";
    static final String REVOKED_ID = "SHMZ-DEMO-0003";
    static final String EXPIRED_ID = "SHMZ-DEMO-0004";
    static final String OTHER_ID = "SHMZ-DEMO-0005";
    static final String UNKNOWN_KEY_ID = "SHMZ-DEMO-0006";
    static final String COMPROMISED_ID = "SHMZ-DEMO-0007";
    /** The revocation list's entries. */
    static final Set<String> REVOKED = Set.of(REVOKED_ID);
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String WANG = "王秀英";
    private static final String ZHANG = "张美玲";
    private static final String AYGUL = "阿依古丽\u00B7买买提";
    private static final String SUN = "孙立新";
    private static final String LI = "李桂芬";

    /** What the status call says about each issued certificate: certId → (holder's ID, status). */
    private final Map<String, Issued> issued;
    private final Map<String, String> idByName;

    /** One certificate the city has issued, as the service knows it. */
    private record Issued(String holderId, String status) {
    }

    /** What one sample shows. */
    public enum Kind {
        VALID("valid", "WAIVE: deposit waived"),
        REDUCED("reduced", "REDUCE: half the deposit"),
        REVOKED("revoked", "CHARGE: revoked"),
        EXPIRED("expired", "CHARGE: expired"),
        FORGED("forged", "CHARGE: not genuine (payload altered after signing)"),
        UNKNOWN_KEY("unknown-key", "CHARGE: not genuine (key not in the trust list)"),
        COMPROMISED_KEY("compromised-key", "CHARGE: not genuine (compromised key)"),
        SOMEONE_ELSE("someone-else", "CHARGE: not this patient");

        private final String fileName;
        private final String outcome;

        Kind(String fileName, String outcome) {
            this.fileName = fileName;
            this.outcome = outcome;
        }

        /** The sample's file name without extension, e.g. {@code unknown-key}. */
        public String fileName() {
            return fileName;
        }

        /** What the desk decides for the sample's patient, in English for the index file. */
        public String outcome() {
            return outcome;
        }
    }

    /**
     * One sample certificate and the patient to type into the window for it.
     *
     * @param patientName the name to type (for {@link Kind#SOMEONE_ELSE}: not the holder)
     * @param patientId   the full synthetic ID to type
     */
    public record Sample(Kind kind, String text, String certId, String patientName, String patientId) {
    }

    public DemoCertificates() {
        this.idByName = idsByName();
        this.issued = Map.of(
                VALID_ID, new Issued(idByName.get(WANG), "VALID"),
                REDUCED_ID, new Issued(idByName.get(ZHANG), "VALID"),
                REVOKED_ID, new Issued(idByName.get(AYGUL), "REVOKED"),
                EXPIRED_ID, new Issued(idByName.get(SUN), "EXPIRED"),
                OTHER_ID, new Issued(idByName.get(LI), "VALID"));
    }

    private static Map<String, String> idsByName() {
        Map<String, String> ids = new java.util.HashMap<>();
        for (RegistryPerson person : new DemoPeople().people()) {
            ids.put(person.name(), person.idNumber());
        }
        return Map.copyOf(ids);
    }

    /**
     * The status call's answer: the certificate's status when it was issued to the holder with this ID, else
     * {@code UNKNOWN} (never issued, or asked about with another person's ID).
     */
    String status(String certId, String holderIdNumber) {
        Issued known = issued.get(certId);
        return known != null && known.holderId().equals(holderIdNumber) ? known.status() : "UNKNOWN";
    }

    /**
     * Every sample, issued the day before {@code now} (Shanghai) and valid for a year, except the expired one. The
     * demo trust list is made for the day it is served, so a sample stays genuine while its issue day lies within the
     * active key's validity (about a year).
     */
    public List<Sample> samples(Instant now) {
        OffsetDateTime issuedAt = now.truncatedTo(ChronoUnit.SECONDS).atOffset(SHANGHAI).minusDays(1)
                .withHour(9).withMinute(30).withSecond(0);
        LocalDate from = issuedAt.toLocalDate();
        LocalDate until = from.plusDays(365);
        List<Sample> samples = new ArrayList<>();
        EcertPayload valid = payload(VALID_ID, DemoPeople.SA, WANG, issuedAt, from, until);
        samples.add(sample(Kind.VALID, DemoEcertKeys.certificate(valid, DemoEcertKeys.ACTIVE_KID), valid, WANG));
        EcertPayload reduced = payload(REDUCED_ID, DemoPeople.LIF, ZHANG, issuedAt, from, until);
        String reducedText = DemoEcertKeys.certificate(reduced, DemoEcertKeys.ACTIVE_KID);
        samples.add(sample(Kind.REDUCED, reducedText, reduced, ZHANG));
        EcertPayload revoked = payload(REVOKED_ID, DemoPeople.SA, AYGUL, issuedAt, from, until);
        samples.add(sample(Kind.REVOKED, DemoEcertKeys.certificate(revoked, DemoEcertKeys.ACTIVE_KID), revoked,
                AYGUL));
        OffsetDateTime longAgo = issuedAt.minusDays(200);
        EcertPayload expired = payload(EXPIRED_ID, DemoPeople.SA, SUN, longAgo, longAgo.toLocalDate(),
                from.minusDays(10));
        samples.add(sample(Kind.EXPIRED, DemoEcertKeys.certificate(expired, DemoEcertKeys.ACTIVE_KID), expired, SUN));
        // 张美玲's half-deposit certificate turned into a full waiver, its signature kept
        EcertPayload upgraded = payload(REDUCED_ID, DemoPeople.SA, ZHANG, issuedAt, from, until);
        samples.add(sample(Kind.FORGED, withPayload(reducedText, upgraded), upgraded, ZHANG));
        EcertPayload rogue = payload(UNKNOWN_KEY_ID, DemoPeople.EPS, LI, issuedAt, from, until);
        samples.add(sample(Kind.UNKNOWN_KEY, DemoEcertKeys.certificate(rogue, DemoEcertKeys.ROGUE_KID), rogue, LI));
        EcertPayload compromised = payload(COMPROMISED_ID, DemoPeople.EPS, LI, issuedAt, from, until);
        samples.add(sample(Kind.COMPROMISED_KEY, DemoEcertKeys.certificate(compromised,
                DemoEcertKeys.COMPROMISED_KID), compromised, LI));
        // 李桂芬's genuine certificate shown by 王秀英
        EcertPayload other = payload(OTHER_ID, DemoPeople.EPS, LI, issuedAt, from, until);
        samples.add(new Sample(Kind.SOMEONE_ELSE, DemoEcertKeys.certificate(other, DemoEcertKeys.ACTIVE_KID),
                OTHER_ID, WANG, idByName.get(WANG)));
        return List.copyOf(samples);
    }

    private EcertPayload payload(String certId, String category, String name, OffsetDateTime issuedAt,
                                 LocalDate from, LocalDate until) {
        return new EcertPayload(certId, category, name, idByName.get(name), DemoEcertKeys.ISSUER, issuedAt, from,
                until);
    }

    private Sample sample(Kind kind, String text, EcertPayload payload, String patient) {
        return new Sample(kind, text, payload.certId(), patient, idByName.get(patient));
    }

    /** The signed text with its payload part replaced: the signature no longer covers what it carries. */
    private static String withPayload(String text, EcertPayload payload) {
        String[] parts = text.split("\\.");
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toJson());
        return parts[0] + "." + parts[1] + "." + encoded + "." + parts[3];
    }
}
