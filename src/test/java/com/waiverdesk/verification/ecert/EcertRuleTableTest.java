package com.waiverdesk.verification.ecert;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding;
import com.waiverdesk.domain.EcertFinding.Verdict;
import com.waiverdesk.domain.ServiceFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules 1–4 of e-certificate.md and the lead's decisions (BRIEF.md), one hand-written row each: the certificate is
 * written here as JSON text and signed with BouncyCastle directly, the expected verdict and reason are written by
 * hand, never computed by the verifier.
 */
class EcertRuleTableTest {
    static final String NAME = "王秀英";
    static final String ID = "310101195203140028";
    static final String ISSUER = "上海市民政局";
    static final Sm2KeyPair ROOT = Sm2KeyPair.fromSeed("rule-table-root");
    static final Sm2KeyPair ACTIVE = Sm2KeyPair.fromSeed("rule-table-active");
    static final Sm2KeyPair LATE = Sm2KeyPair.fromSeed("rule-table-active-until-nov");
    static final Sm2KeyPair RETIRED = Sm2KeyPair.fromSeed("rule-table-retired");
    static final Sm2KeyPair COMPROMISED = Sm2KeyPair.fromSeed("rule-table-compromised");
    static final Sm2KeyPair ROGUE = Sm2KeyPair.fromSeed("rule-table-rogue");
    /** 2026-12-06 12:00 in Shanghai. */
    static final String NOW = "2026-12-06T04:00:00Z";
    static final String REVOKED_ID = "SHMZ-2026-REVOKED";

    /** The spec's sample, with a placeholder for each field a row changes. */
    static String payload(String certId, String issuedAt, String validFrom, String validUntil) {
        return "{\"v\":1,\"certId\":\"" + certId + "\",\"category\":\"SUBSISTENCE_ALLOWANCE\",\"holder\":{\"name\":\""
                + NAME + "\",\"idNumber\":\"" + ID + "\"},\"issuer\":\"" + ISSUER + "\",\"issuedAt\":\"" + issuedAt
                + "\",\"validFrom\":\"" + validFrom + "\",\"validUntil\":\"" + validUntil + "\"}";
    }

    static final String GOOD = payload("SHMZ-2026-0001234", "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01");

    static String cert(String kid, Sm2KeyPair key, String json) {
        return TestSigner.text("SHEC1", kid, json, key);
    }

    static String good() {
        return cert("T-2026A", ACTIVE, GOOD);
    }

    static String trustList(String issuedAt) {
        String json = "{\"v\":1,\"issuedAt\":\"" + issuedAt + "\",\"nextUpdate\":\"2027-01-01T00:00:00Z\",\"keys\":["
                + key("T-2026A", ACTIVE, "2026-01-01", "2026-12-31", "ACTIVE") + ","
                + key("T-2026B", LATE, "2025-06-01", "2026-11-30", "ACTIVE") + ","
                + key("T-2024R", RETIRED, "2024-01-01", "2025-12-31", "RETIRED") + ","
                + key("T-2025X", COMPROMISED, "2025-01-01", "2026-12-31", "COMPROMISED") + "]}";
        return TestSigner.text("SHTL1", "T-ROOT", json, ROOT);
    }

    static String key(String kid, Sm2KeyPair key, String from, String until, String status) {
        return "{\"kid\":\"" + kid + "\",\"issuer\":\"" + ISSUER + "\",\"publicKey\":\""
                + key.publicKey().spkiBase64() + "\",\"validFrom\":\"" + from + "\",\"validUntil\":\"" + until
                + "\",\"status\":\"" + status + "\"}";
    }

    static String revocations(String issuedAt) {
        String json = "{\"v\":1,\"issuedAt\":\"" + issuedAt + "\",\"nextUpdate\":\"2027-01-01T00:00:00Z\",\"revoked\":["
                + "{\"certId\":\"" + REVOKED_ID + "\",\"revokedAt\":\"2026-12-01T10:00:00+08:00\",\"reason\":\"x\"}]}";
        return TestSigner.text("SHRL1", "T-ROOT", json, ROOT);
    }

    /** One row: inputs, then the expected finding written by hand. */
    static final class Row {
        final String name;
        String text = good();
        String clock = NOW;
        String trustIssued = "2026-12-06T08:00:00+08:00";
        String revocationsIssued = "2026-12-06T08:00:00+08:00";
        boolean noTrustList;
        boolean noRevocations;
        StatusReply reply;
        boolean online;
        boolean lookupThrows;
        String patientName = NAME;
        String patientId = ID;
        Verdict verdict;
        DecisionReason reason;
        ServiceFailure failure;
        Channel channel;
        boolean lookupMustNotBeCalled;

        Row(String name) {
            this.name = name;
        }

        Row text(String t) {
            text = t;
            return this;
        }

        Row clock(String c) {
            clock = c;
            return this;
        }

        Row trust(String issued) {
            trustIssued = issued;
            return this;
        }

        Row revocationsIssued(String issued) {
            revocationsIssued = issued;
            return this;
        }

        Row noTrustList() {
            noTrustList = true;
            return this;
        }

        Row noRevocations() {
            noRevocations = true;
            return this;
        }

        Row reply(StatusReply r) {
            online = true;
            reply = r;
            return this;
        }

        Row valid(String checkedAt) {
            return reply(StatusReply.answered(StatusReply.Status.VALID, OffsetDateTime.parse(checkedAt), "r-1"));
        }

        Row failed(ServiceFailure f) {
            return reply(StatusReply.failed(f, f == ServiceFailure.REQUEST_REJECTED ? "INVALID_ID_NUMBER" : null, "r-1"));
        }

        Row throwing() {
            online = true;
            lookupThrows = true;
            return this;
        }

        Row patient(String n, String id) {
            patientName = n;
            patientId = id;
            return this;
        }

        Row accepted(Channel c) {
            verdict = Verdict.ACCEPTED;
            channel = c;
            return this;
        }

        Row refused(DecisionReason r, Channel c) {
            verdict = Verdict.REFUSED;
            reason = r;
            channel = c;
            return this;
        }

        Row cannot(ServiceFailure f, Channel c) {
            verdict = Verdict.CANNOT_VERIFY;
            failure = f;
            channel = c;
            return this;
        }

        Row noLookup() {
            lookupMustNotBeCalled = true;
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name) {
        return new Row(name);
    }

    static Stream<Arguments> rows() {
        DecisionReason fake = DecisionReason.ECERT_NOT_GENUINE;
        Channel off = Channel.ECERT_OFFLINE;
        Channel on = Channel.ECERT_ONLINE;
        String valid = "2026-12-06T12:00:05+08:00";
        String sig = good().substring(good().lastIndexOf('.'));
        String signedPart = good().substring(0, good().lastIndexOf('.'));
        List<Row> rows = new ArrayList<>(List.of(
                // what is not a certificate at all
                row("plain text is not a certificate").text("王秀英").refused(DecisionReason.INVALID_INPUT, off),
                row("lower-case prefix is not SHEC1").text(good().replaceFirst("SHEC1", "shec1"))
                        .refused(DecisionReason.INVALID_INPUT, off),
                row("SHEC2 is another version").text(good().replaceFirst("SHEC1", "SHEC2"))
                        .refused(DecisionReason.INVALID_INPUT, off),
                row("null text").text(null).refused(DecisionReason.INVALID_INPUT, off),
                // rule 1: malformed texts, each a charge
                row("the good certificate, offline").accepted(off),
                row("three parts").text(signedPart).refused(fake, off),
                row("five parts").text(good() + ".AA").refused(fake, off),
                row("empty kid").text(good().replaceFirst("\\.T-2026A\\.", "..")).refused(fake, off),
                row("kid of 33 characters").text(cert("A".repeat(33), ACTIVE, GOOD)).refused(fake, off),
                row("padding on the signature").text(good() + "=").refused(fake, off),
                row("standard base64 '+' in the signature").text(signedPart + sig.replace('-', '+').replace('_', '/')
                        + (sig.contains("-") || sig.contains("_") ? "" : "+")).refused(fake, off),
                row("trailing newline from the scanner").text(good() + "\n").refused(fake, off),
                row("leading space").text(" " + good()).refused(DecisionReason.INVALID_INPUT, off),
                row("non-ASCII in the text").text(good() + "\u00e9").refused(fake, off),
                row("1201 characters").text(cert("T-2026A", ACTIVE, GOOD.replace("}", ",\"pad\":\"" + "x".repeat(900)
                        + "\"}").replace("\"}\",", "\"},"))).refused(fake, off),
                row("v is 2").text(cert("T-2026A", ACTIVE, GOOD.replace("\"v\":1", "\"v\":2"))).refused(fake, off),
                row("v is the string 1").text(cert("T-2026A", ACTIVE, GOOD.replace("\"v\":1", "\"v\":\"1\"")))
                        .refused(fake, off),
                row("v is 1.0").text(cert("T-2026A", ACTIVE, GOOD.replace("\"v\":1", "\"v\":1.0"))).refused(fake, off),
                row("v missing").text(cert("T-2026A", ACTIVE, GOOD.replace("\"v\":1,", ""))).refused(fake, off),
                row("certId is a number").text(cert("T-2026A", ACTIVE, GOOD.replace("\"SHMZ-2026-0001234\"", "1234")))
                        .refused(fake, off),
                row("duplicate category").text(cert("T-2026A", ACTIVE, GOOD.replace("\"category\"",
                        "\"category\":\"LOW_INCOME_FAMILY\",\"category\""))).refused(fake, off),
                row("duplicate holder name").text(cert("T-2026A", ACTIVE, GOOD.replace("\"name\"",
                        "\"name\":\"李四\",\"name\""))).refused(fake, off),
                row("holder missing").text(cert("T-2026A", ACTIVE, GOOD.replaceFirst("\"holder\":\\{[^}]*\\},", "")))
                        .refused(fake, off),
                row("issuedAt without seconds").text(cert("T-2026A", ACTIVE, GOOD.replace("09:30:00+08:00",
                        "09:30+08:00"))).refused(fake, off),
                row("validUntil 2027-02-30").text(cert("T-2026A", ACTIVE, GOOD.replace("2027-02-01", "2027-02-30")))
                        .refused(fake, off),
                row("validUntil as a date-time").text(cert("T-2026A", ACTIVE, GOOD.replace("\"2027-02-01\"",
                        "\"2027-02-01T00:00:00+08:00\""))).refused(fake, off),
                row("validUntil before validFrom").text(cert("T-2026A", ACTIVE, payload("SHMZ-2026-0001234",
                        "2026-11-02T09:30:00+08:00", "2026-12-07", "2026-12-06"))).refused(fake, off),
                row("payload with a UTF-8 BOM").text(TestSigner.text("SHEC1", "T-2026A",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GOOD), ACTIVE)).refused(fake, off),
                row("payload not UTF-8 (an overlong slash)").text(TestSigner.text("SHEC1", "T-2026A",
                        concat(GOOD.substring(0, GOOD.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                new byte[] {',', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}), ACTIVE))
                        .refused(fake, off),
                row("unknown extra field is ignored").text(cert("T-2026A", ACTIVE, GOOD.replace("{\"v\":1,",
                        "{\"v\":1,\"extra\":[1,{\"a\":null}],"))).accepted(off),
                row("malformed text, no trust list: charge, not could-not-verify").text(signedPart).noTrustList()
                        .refused(fake, off),
                // rule 1: the lists
                row("no trust list").noTrustList().cannot(ServiceFailure.ECERT_LISTS_UNTRUSTED, off),
                row("trust list exactly 7 days old").trust("2026-11-29T12:00:00+08:00").accepted(off),
                row("trust list 7 days and 1 s old").trust("2026-11-29T11:59:59+08:00")
                        .cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off),
                row("trust list 7 days and 1 s old, online too: no status call").trust("2026-11-29T03:59:59Z")
                        .valid(valid).noLookup().cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off),
                // rule 1: the key
                row("kid not in the trust list").text(cert("T-ROGUE", ROGUE, GOOD)).refused(fake, off),
                row("rogue key under a trusted kid").text(cert("T-2026A", ROGUE, GOOD)).refused(fake, off),
                row("payload altered after signing").text(signedPart.replace(TestSigner.b64url(
                        GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8)), TestSigner.b64url(GOOD.replace(
                        "SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))) + sig).refused(fake, off),
                row("kid swapped to another trusted key").text(good().replaceFirst("T-2026A", "T-2024R"))
                        .refused(fake, off),
                row("compromised key, issued inside its validity").text(cert("T-2025X", COMPROMISED, GOOD))
                        .refused(fake, off),
                row("retired key, issued inside its validity").text(cert("T-2024R", RETIRED, payload("SHMZ-R-1",
                        "2025-06-01T10:00:00+08:00", "2025-06-01", "2027-05-31"))).accepted(off),
                row("retired key, issued after its validity").text(cert("T-2024R", RETIRED, payload("SHMZ-R-2",
                        "2026-01-01T10:00:00+08:00", "2026-01-01", "2027-05-31"))).refused(fake, off),
                row("retired key, last second of its last Shanghai day, written at -10:00").text(cert("T-2024R",
                        RETIRED, payload("SHMZ-R-3", "2025-12-31T05:59:59-10:00", "2026-01-01", "2027-05-31")))
                        .accepted(off),
                row("retired key, one second later at -10:00 (Shanghai 2026-01-01)").text(cert("T-2024R", RETIRED,
                        payload("SHMZ-R-4", "2025-12-31T06:00:00-10:00", "2026-01-01", "2027-05-31")))
                        .refused(fake, off),
                row("active key, issued the Shanghai day before its validFrom (UTC 15:59:59)").text(cert("T-2026A",
                        ACTIVE, payload("SHMZ-A-1", "2025-12-31T15:59:59Z", "2026-01-01", "2027-01-01")))
                        .refused(fake, off),
                row("active key, issued at Shanghai midnight of its validFrom, written at -10:00").text(cert(
                        "T-2026A", ACTIVE, payload("SHMZ-A-2", "2025-12-31T06:00:00-10:00", "2026-01-01",
                                "2027-01-01"))).accepted(off),
                row("key until 2026-11-30, issued 23:59:59 Shanghai written at -10:00").text(cert("T-2026B", LATE,
                        payload("SHMZ-B-1", "2026-11-30T05:59:59-10:00", "2026-11-30", "2027-01-01")))
                        .accepted(off),
                row("key until 2026-11-30, issued 2026-12-01 00:00 Shanghai written at -10:00").text(cert("T-2026B",
                        LATE, payload("SHMZ-B-2", "2026-11-30T06:00:00-10:00", "2026-11-30", "2027-01-01")))
                        .refused(fake, off),
                row("issuer differs from the key's").text(cert("T-2026A", ACTIVE, GOOD.replace("\"issuer\":\"" + ISSUER,
                        "\"issuer\":\"北京市民政局"))).refused(fake, off),
                row("issued 300 s after the clock").text(cert("T-2026A", ACTIVE, payload("SHMZ-F-1",
                        "2026-12-06T12:05:00+08:00", "2026-12-06", "2027-01-01"))).accepted(off),
                row("issued 301 s after the clock").text(cert("T-2026A", ACTIVE, payload("SHMZ-F-2",
                        "2026-12-06T12:05:01+08:00", "2026-12-06", "2027-01-01"))).refused(fake, off),
                // rule 2 online
                row("online VALID").valid(valid).accepted(on),
                row("online REVOKED").reply(StatusReply.answered(StatusReply.Status.REVOKED,
                        OffsetDateTime.parse(valid), "r")).refused(DecisionReason.ECERT_REVOKED, on),
                row("online EXPIRED").reply(StatusReply.answered(StatusReply.Status.EXPIRED,
                        OffsetDateTime.parse(valid), "r")).refused(DecisionReason.ECERT_EXPIRED, on),
                row("online UNKNOWN").reply(StatusReply.answered(StatusReply.Status.UNKNOWN,
                        OffsetDateTime.parse(valid), "r")).refused(DecisionReason.ECERT_UNKNOWN_TO_SERVICE, on),
                row("online VALID but the cached revocation list lists it").text(cert("T-2026A", ACTIVE,
                        payload(REVOKED_ID, "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01"))).valid(valid)
                        .refused(DecisionReason.ECERT_REVOKED, on),
                row("online VALID, no revocation list held").valid(valid).noRevocations().accepted(on),
                row("online VALID, revocation list 3 days old").valid(valid).revocationsIssued("2026-12-03T12:00:00+08:00")
                        .accepted(on),
                row("online VALID without checkedAt").reply(new StatusReply(StatusReply.Status.VALID, null, null, null,
                        "r")).cannot(ServiceFailure.MALFORMED_REPLY, on),
                row("reply with a status and a failure").reply(new StatusReply(StatusReply.Status.VALID,
                        OffsetDateTime.parse(valid), ServiceFailure.TIMEOUT, null, "r"))
                        .cannot(ServiceFailure.MALFORMED_REPLY, on),
                row("reply with neither").reply(new StatusReply(null, null, null, null, "r"))
                        .cannot(ServiceFailure.MALFORMED_REPLY, on),
                row("no reply object").reply(null).cannot(ServiceFailure.MALFORMED_REPLY, on),
                row("the lookup throws").throwing().cannot(ServiceFailure.MALFORMED_REPLY, on),
                // rule 2 offline
                row("offline, revocation list exactly 24 h old").revocationsIssued("2026-12-05T12:00:00+08:00")
                        .accepted(off),
                row("offline, revocation list 24 h and 1 s old").revocationsIssued("2026-12-05T11:59:59+08:00")
                        .cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off),
                row("offline, no revocation list").noRevocations().cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off),
                row("offline, listed as revoked").text(cert("T-2026A", ACTIVE, payload(REVOKED_ID,
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01"))).refused(DecisionReason.ECERT_REVOKED,
                        off),
                row("offline, listed as revoked in a list too old to clear it").text(cert("T-2026A", ACTIVE,
                        payload(REVOKED_ID, "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01")))
                        .revocationsIssued("2026-12-01T00:00:00+08:00").refused(DecisionReason.ECERT_REVOKED, off),
                // rule 3 (offline: the workstation's Shanghai date)
                row("validUntil today, 23:59:59 Shanghai").text(cert("T-2026A", ACTIVE, payload("SHMZ-D-1",
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-06"))).clock("2026-12-06T15:59:59Z")
                        .accepted(off),
                row("validUntil yesterday, 00:00:00 Shanghai").text(cert("T-2026A", ACTIVE, payload("SHMZ-D-2",
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-06"))).clock("2026-12-06T16:00:00Z")
                        .refused(DecisionReason.ECERT_EXPIRED, off),
                row("validFrom tomorrow, 23:59:59 Shanghai").text(cert("T-2026A", ACTIVE, payload("SHMZ-D-3",
                        "2026-12-06T09:30:00+08:00", "2026-12-07", "2027-01-01"))).clock("2026-12-06T15:59:59Z")
                        .refused(DecisionReason.ECERT_NOT_YET_VALID, off),
                row("validFrom today, 00:00:00 Shanghai").text(cert("T-2026A", ACTIVE, payload("SHMZ-D-4",
                        "2026-12-06T09:30:00+08:00", "2026-12-07", "2027-01-01"))).clock("2026-12-06T16:00:00Z")
                        .accepted(off),
                // rule 3 online: both the workstation's and the service's date
                row("online, the service's checkedAt is already tomorrow in Shanghai").text(cert("T-2026A", ACTIVE,
                        payload("SHMZ-D-5", "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-06")))
                        .clock("2026-12-06T15:59:00Z").valid("2026-12-06T16:00:30Z")
                        .refused(DecisionReason.ECERT_EXPIRED, on),
                row("online, both dates today").text(cert("T-2026A", ACTIVE, payload("SHMZ-D-6",
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-06")))
                        .clock("2026-12-06T15:58:00Z").valid("2026-12-06T23:59:30+08:00").accepted(on),
                row("online, the service's checkedAt is still yesterday in Shanghai").text(cert("T-2026A", ACTIVE,
                        payload("SHMZ-D-7", "2026-11-02T09:30:00+08:00", "2026-12-06", "2027-01-01")))
                        .clock("2026-12-05T16:00:10Z").trust("2026-12-05T12:00:00Z")
                        .revocationsIssued("2026-12-05T12:00:00Z").valid("2026-12-05T15:59:59Z")
                        .refused(DecisionReason.ECERT_NOT_YET_VALID, on),
                // rule 4
                row("another name").patient("李秀英", ID).refused(DecisionReason.ECERT_NOT_THIS_PATIENT, off),
                row("another ID").patient(NAME, "110101199003074514")
                        .refused(DecisionReason.ECERT_NOT_THIS_PATIENT, off),
                row("empty patient fields").patient("", "").refused(DecisionReason.ECERT_NOT_THIS_PATIENT, off),
                row("spaces and full-width digits normalize").patient("  王秀英 ", "３１０１０１ 19520314 0028")
                        .accepted(off),
                row("the legacy 15-digit form of the same ID").patient(NAME, "310101520314002").accepted(off),
                row("online, another patient").patient("李秀英", ID).valid(valid)
                        .refused(DecisionReason.ECERT_NOT_THIS_PATIENT, on),
                // order: the first failing rule decides
                row("revoked and another patient: revoked").text(cert("T-2026A", ACTIVE, payload(REVOKED_ID,
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01"))).patient("李秀英", ID)
                        .refused(DecisionReason.ECERT_REVOKED, off),
                row("expired and another patient: expired").text(cert("T-2026A", ACTIVE, payload("SHMZ-O-1",
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-05"))).patient("李秀英", ID)
                        .refused(DecisionReason.ECERT_EXPIRED, off),
                row("compromised and lists too old: lists too old").text(cert("T-2025X", COMPROMISED, GOOD))
                        .trust("2026-11-20T00:00:00Z").cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off),
                row("expired, online EXPIRED").text(cert("T-2026A", ACTIVE, payload("SHMZ-O-2",
                        "2026-11-02T09:30:00+08:00", "2026-11-02", "2026-12-05"))).reply(StatusReply.answered(
                        StatusReply.Status.EXPIRED, OffsetDateTime.parse(valid), "r"))
                        .refused(DecisionReason.ECERT_EXPIRED, on)));
        for (ServiceFailure f : List.of(ServiceFailure.TIMEOUT, ServiceFailure.UNREACHABLE, ServiceFailure.SERVER_ERROR,
                ServiceFailure.RATE_LIMITED)) {
            rows.add(row(f + ", fresh revocation list: offline").failed(f).accepted(off));
            rows.add(row(f + ", revocation list 24 h and 1 s old").failed(f)
                    .revocationsIssued("2026-12-05T03:59:59Z").cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off));
            rows.add(row(f + ", no revocation list").failed(f).noRevocations()
                    .cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off));
            rows.add(row(f + ", listed as revoked").failed(f).text(cert("T-2026A", ACTIVE, payload(REVOKED_ID,
                    "2026-11-02T09:30:00+08:00", "2026-11-02", "2027-02-01"))).refused(DecisionReason.ECERT_REVOKED,
                    off));
        }
        for (ServiceFailure f : List.of(ServiceFailure.AUTHENTICATION_FAILED, ServiceFailure.REQUEST_REJECTED,
                ServiceFailure.MALFORMED_REPLY, ServiceFailure.STALE_ANSWER, ServiceFailure.UNEXPECTED_STATUS,
                ServiceFailure.CLOCK_SKEW, ServiceFailure.FORBIDDEN, ServiceFailure.NONCE_REUSED)) {
            rows.add(row(f + ": could not verify, no offline fallback").failed(f).cannot(f, on));
        }
        return rows.stream().map(r -> Arguments.of(r));
    }

    static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRuleDecidesAsWrittenByHand(Row row) throws Exception {
        Instant now = Instant.parse(row.clock);
        TrustList trust = row.noTrustList ? null : TrustList.read(trustList(row.trustIssued), ROOT.publicKey(),
                now.plusSeconds(3600));
        RevocationList revocations = row.noRevocations ? null : RevocationList.read(
                revocations(row.revocationsIssued), ROOT.publicKey(), now.plusSeconds(3600));
        List<String> calls = new ArrayList<>();
        StatusLookup lookup = !row.online ? null : (certId, idNumber) -> {
            calls.add(certId + "/" + idNumber);
            if (row.lookupThrows) {
                throw new IllegalStateException("boom");
            }
            return row.reply;
        };
        EcertVerifier verifier = new EcertVerifier(Clock.fixed(now, ZoneOffset.UTC));

        EcertFinding finding = verifier.verify(row.text, row.patientName, row.patientId,
                new ListSnapshot(trust, revocations), lookup);

        assertThat(finding.verdict()).as("verdict").isEqualTo(row.verdict);
        assertThat(finding.refusal()).as("refusal").isEqualTo(row.reason);
        assertThat(finding.failure()).as("failure").isEqualTo(row.failure);
        assertThat(finding.channel()).as("channel").isEqualTo(row.channel);
        if (row.lookupMustNotBeCalled) {
            assertThat(calls).isEmpty();
        }
        if (!calls.isEmpty()) {
            assertThat(calls.get(0)).endsWith("/" + ID);
        }
    }

    @org.junit.jupiter.api.Test
    void theFindingCarriesIdsAgesAndTodayAsWrittenByHand() throws Exception {
        Instant now = Instant.parse(NOW);
        TrustList trust = TrustList.read(trustList("2026-12-06T08:00:00+08:00"), ROOT.publicKey(), now);
        RevocationList revocations = RevocationList.read(revocations("2026-12-05T20:00:00+08:00"), ROOT.publicKey(),
                now);

        EcertFinding finding = new EcertVerifier(Clock.fixed(now, ZoneOffset.UTC)).verify(good(), NAME, ID,
                new ListSnapshot(trust, revocations), null);

        assertThat(finding).isEqualTo(new EcertFinding(Channel.ECERT_OFFLINE, Verdict.ACCEPTED, null, null, null,
                "SHMZ-2026-0001234", "T-2026A", "SUBSISTENCE_ALLOWANCE", LocalDate.of(2026, 11, 2),
                LocalDate.of(2027, 2, 1), 14_400L, 57_600L, LocalDate.of(2026, 12, 6)));
    }

    @org.junit.jupiter.api.Test
    void itShorterListAgesAreHonouredAndLongerOnesRefused() throws Exception {
        Instant now = Instant.parse(NOW);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        TrustList trust = TrustList.read(trustList("2026-12-05T12:00:00+08:00"), ROOT.publicKey(), now);
        RevocationList revocations = RevocationList.read(revocations("2026-12-06T10:59:59+08:00"), ROOT.publicKey(),
                now);
        ListSnapshot lists = new ListSnapshot(trust, revocations);

        EcertFinding oneDay = new EcertVerifier(clock, java.time.Duration.ofDays(1), java.time.Duration.ofHours(2))
                .verify(good(), NAME, ID, lists, null);
        EcertFinding oneHour = new EcertVerifier(clock, java.time.Duration.ofDays(1), java.time.Duration.ofHours(1))
                .verify(good(), NAME, ID, lists, null);
        EcertFinding trustHalfDay = new EcertVerifier(clock, java.time.Duration.ofHours(23).plusSeconds(3599),
                java.time.Duration.ofHours(2)).verify(good(), NAME, ID, lists, null);

        assertThat(oneDay.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(oneHour.failure()).isEqualTo(ServiceFailure.ECERT_LISTS_TOO_OLD);
        assertThat(trustHalfDay.failure()).isEqualTo(ServiceFailure.ECERT_LISTS_TOO_OLD);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new EcertVerifier(clock,
                java.time.Duration.ofDays(7).plusSeconds(1), java.time.Duration.ofHours(24)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new EcertVerifier(clock,
                java.time.Duration.ofDays(7), java.time.Duration.ofHours(24).plusSeconds(1)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new EcertVerifier(clock,
                java.time.Duration.ZERO, java.time.Duration.ofHours(24)));
    }
}
