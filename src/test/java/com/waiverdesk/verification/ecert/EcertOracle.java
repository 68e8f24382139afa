package com.waiverdesk.verification.ecert;

import com.waiverdesk.domain.Channel;
import com.waiverdesk.domain.DecisionReason;
import com.waiverdesk.domain.EcertFinding.Verdict;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.ServiceFailure;
import com.waiverdesk.testing.CivilCalendar;
import com.waiverdesk.testing.StrictJson;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * e-certificate.md and the lead's decisions (BRIEF.md) written a second time for the fuzzer, sharing no code with the
 * reader under test: its own base64url, {@link StrictJson}, its own RFC 3339 dates on {@link CivilCalendar}, its own
 * SPKI check (fixed prefix, the curve equation with GB/T 32918.5's constants). A signature is genuine when the
 * fuzzer made it (BouncyCastle's SM2Signer directly, recorded in {@link Signatures}); the fuzzer checks a sample of
 * the rest with BouncyCastle to keep that honest.
 */
final class EcertOracle {
    static final BigInteger P = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF", 16);
    static final BigInteger A = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC", 16);
    static final BigInteger B = new BigInteger("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93", 16);
    private static final byte[] SPKI_PREFIX = hex("3059301306072a8648ce3d020106082a811ccf5501822d03420004");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern DATE_TIME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):"
            + "([0-9]{2})(\\.[0-9]{1,9})?(Z|([+-])([0-9]{2}):([0-9]{2}))");
    static final long TRUST_MAX = 7 * 86_400;
    static final long REVOCATIONS_MAX = 86_400;

    private EcertOracle() {
    }

    /** The genuine signatures the fuzzer made: public key SPKI, signed text and signature part, exactly. */
    static final class Signatures {
        private final Set<String> genuine = new HashSet<>();

        void add(String spki, String compactText) {
            int dot = compactText.lastIndexOf('.');
            genuine.add(spki + "|" + compactText.substring(0, dot) + "|" + compactText.substring(dot + 1));
        }

        boolean genuine(String spki, String signed, String signaturePart) {
            return genuine.contains(spki + "|" + signed + "|" + signaturePart);
        }
    }

    /** An instant as seconds and nanoseconds. */
    record Time(long second, int nano) implements Comparable<Time> {
        @Override
        public int compareTo(Time o) {
            return second != o.second ? Long.compare(second, o.second) : Integer.compare(nano, o.nano);
        }

        Time plus(long seconds) {
            return new Time(second + seconds, nano);
        }
    }

    record Key(String kid, String issuer, String spki, long fromDay, long untilDay, String status) {
    }

    record Trust(Time issued, Map<String, Key> keys) {
    }

    record Revocations(Time issued, Set<String> ids) {
    }

    record Cert(String kid, String signed, String signaturePart, String certId, String category, String name,
                String id, String issuer, Time issued, long fromDay, long untilDay) {
    }

    /** A status reply as the fuzzer made it: status or failure (either may be null), checkedAt epoch second. */
    record Reply(String status, Long checkedAt, ServiceFailure failure) {
    }

    record Expect(Verdict verdict, DecisionReason reason, ServiceFailure failure, Channel channel) {
        static Expect refuse(DecisionReason r, Channel c) {
            return new Expect(Verdict.REFUSED, r, null, c);
        }

        static Expect cannot(ServiceFailure f, Channel c) {
            return new Expect(Verdict.CANNOT_VERIFY, null, f, c);
        }
    }

    // ---- the decision ----

    /**
     * @param lookup false = offline; else {@code reply} is what the status call gives ({@code null}: no reply object)
     */
    static Expect judge(String text, String patientName, String patientId, Trust trust, Revocations revocations,
                        boolean lookup, Reply reply, long now, Signatures signatures) {
        Channel off = Channel.ECERT_OFFLINE;
        Channel on = Channel.ECERT_ONLINE;
        if (text == null || !text.startsWith("SHEC1.")) {
            return Expect.refuse(DecisionReason.INVALID_INPUT, off);
        }
        Cert cert;
        try {
            cert = readCert(text);
        } catch (IllegalArgumentException e) {
            return Expect.refuse(DecisionReason.ECERT_NOT_GENUINE, off);
        }
        Time clock = new Time(now, 0);
        if (trust == null || trust.issued().compareTo(clock.plus(300)) > 0) {
            return Expect.cannot(ServiceFailure.ECERT_LISTS_UNTRUSTED, off);
        }
        if (trust.issued().plus(TRUST_MAX).compareTo(clock) < 0) {
            return Expect.cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off);
        }
        Key key = trust.keys().get(cert.kid());
        if (key == null || !signatures.genuine(key.spki(), cert.signed(), cert.signaturePart())
                || key.status().equals("COMPROMISED")) {
            return Expect.refuse(DecisionReason.ECERT_NOT_GENUINE, off);
        }
        long issuedDay = CivilCalendar.shanghaiDay(cert.issued().second());
        if (issuedDay < key.fromDay() || issuedDay > key.untilDay() || !key.issuer().equals(cert.issuer())
                || cert.issued().compareTo(clock.plus(300)) > 0) {
            return Expect.refuse(DecisionReason.ECERT_NOT_GENUINE, off);
        }
        Channel channel = off;
        Long checkedAt = null;
        boolean offline = !lookup;
        if (lookup) {
            if (reply == null || (reply.status() == null) == (reply.failure() == null)) {
                return Expect.cannot(ServiceFailure.MALFORMED_REPLY, on);
            }
            if (reply.failure() != null) {
                if (List.of(ServiceFailure.TIMEOUT, ServiceFailure.UNREACHABLE, ServiceFailure.SERVER_ERROR,
                        ServiceFailure.RATE_LIMITED).contains(reply.failure())) {
                    offline = true;
                } else {
                    return Expect.cannot(reply.failure(), on);
                }
            } else if (reply.checkedAt() == null) {
                return Expect.cannot(ServiceFailure.MALFORMED_REPLY, on);
            } else {
                switch (reply.status()) {
                    case "REVOKED":
                        return Expect.refuse(DecisionReason.ECERT_REVOKED, on);
                    case "EXPIRED":
                        return Expect.refuse(DecisionReason.ECERT_EXPIRED, on);
                    case "UNKNOWN":
                        return Expect.refuse(DecisionReason.ECERT_UNKNOWN_TO_SERVICE, on);
                    default:
                        if (revocations != null && revocations.ids().contains(cert.certId())) {
                            return Expect.refuse(DecisionReason.ECERT_REVOKED, on);
                        }
                        channel = on;
                        checkedAt = reply.checkedAt();
                }
            }
        }
        if (offline) {
            if (revocations != null && revocations.ids().contains(cert.certId())) {
                return Expect.refuse(DecisionReason.ECERT_REVOKED, off);
            }
            if (revocations == null) {
                return Expect.cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off);
            }
            if (revocations.issued().compareTo(clock.plus(300)) > 0) {
                return Expect.cannot(ServiceFailure.ECERT_LISTS_UNTRUSTED, off);
            }
            if (revocations.issued().plus(REVOCATIONS_MAX).compareTo(clock) < 0) {
                return Expect.cannot(ServiceFailure.ECERT_LISTS_TOO_OLD, off);
            }
        }
        long[] days = checkedAt == null ? new long[] {CivilCalendar.shanghaiDay(now)}
                : new long[] {CivilCalendar.shanghaiDay(now), CivilCalendar.shanghaiDay(checkedAt)};
        for (long day : days) {
            if (day < cert.fromDay()) {
                return Expect.refuse(DecisionReason.ECERT_NOT_YET_VALID, channel);
            }
            if (day > cert.untilDay()) {
                return Expect.refuse(DecisionReason.ECERT_EXPIRED, channel);
            }
        }
        String name = PersonName.normalize(patientName);
        String id = ResidentId.normalize(patientId);
        if (name.isEmpty() || !name.equals(PersonName.normalize(cert.name())) || !id.equals(cert.id())) {
            return Expect.refuse(DecisionReason.ECERT_NOT_THIS_PATIENT, channel);
        }
        return new Expect(Verdict.ACCEPTED, null, null, channel);
    }

    // ---- the texts ----

    /** Parts of a compact text: {prefix, kid, payload part, signature part}; IllegalArgumentException if malformed. */
    static String[] parts(String text, String prefix, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException("too long");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '!' || text.charAt(i) > '~') {
                throw new IllegalArgumentException("not printable ASCII");
            }
        }
        String[] parts = new String[4];
        int from = 0;
        for (int i = 0; i < 3; i++) {
            int dot = text.indexOf('.', from);
            if (dot < 0) {
                throw new IllegalArgumentException("too few parts");
            }
            parts[i] = text.substring(from, dot);
            from = dot + 1;
        }
        parts[3] = text.substring(from);
        if (parts[3].indexOf('.') >= 0 || !parts[0].equals(prefix) || !kid(parts[1])) {
            throw new IllegalArgumentException("bad parts");
        }
        b64url(parts[3]);
        return parts;
    }

    static boolean kid(String kid) {
        if (kid.isEmpty() || kid.length() > 32) {
            return false;
        }
        for (char c : kid.toCharArray()) {
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static Cert readCert(String text) {
        String[] p = parts(text, "SHEC1", 1200);
        Map<String, Object> o = object(b64url(p[2]));
        version1(o);
        Object holder = o.get("holder");
        if (!(holder instanceof Map)) {
            throw new IllegalArgumentException("holder");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> h = (Map<String, Object>) holder;
        String certId = string(o, "certId");
        String category = string(o, "category");
        String name = string(h, "name");
        String id = string(h, "idNumber");
        String issuer = string(o, "issuer");
        Time issued = dateTime(string(o, "issuedAt"));
        long from = date(string(o, "validFrom"));
        long until = date(string(o, "validUntil"));
        if (!all(certId, 1, 64, c -> c >= '!' && c <= '~')
                || !all(category, 1, 64, c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
                || !idShape(id) || name.isBlank() || name.length() > 256 || issuer.isBlank() || issuer.length() > 256
                || until < from) {
            throw new IllegalArgumentException("field content");
        }
        return new Cert(p[1], p[0] + "." + p[1] + "." + p[2], p[3], certId, category, name, id, issuer, issued, from,
                until);
    }

    private static boolean idShape(String id) {
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || i == 17 && c == 'X')) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(String s, int min, int max, java.util.function.IntPredicate ok) {
        return s.length() >= min && s.length() <= max && s.chars().allMatch(ok);
    }

    /** A trust list as the oracle reads it (signature by {@code rootSpki}), or null when it must be refused. */
    static Trust readTrust(String text, String rootSpki, long now, Signatures signatures) {
        try {
            String[] p = parts(text, "SHTL1", 4 * 1024 * 1024);
            if (!signatures.genuine(rootSpki, p[0] + "." + p[1] + "." + p[2], p[3])) {
                return null;
            }
            Map<String, Object> o = object(b64url(p[2]));
            Time issued = listHeader(o, now);
            Object keys = o.get("keys");
            if (!(keys instanceof List)) {
                return null;
            }
            Map<String, Key> byKid = new HashMap<>();
            for (Object k : (List<?>) keys) {
                if (!(k instanceof Map)) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) k;
                String kid = string(m, "kid");
                String issuer = string(m, "issuer");
                String spki = string(m, "publicKey");
                long from = date(string(m, "validFrom"));
                long until = date(string(m, "validUntil"));
                String status = string(m, "status");
                if (!kid(kid) || !spki(spki) || until < from || byKid.containsKey(kid)
                        || !List.of("ACTIVE", "RETIRED", "COMPROMISED").contains(status)) {
                    return null;
                }
                byKid.put(kid, new Key(kid, issuer, spki, from, until, status));
            }
            return new Trust(issued, byKid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Revocations readRevocations(String text, String rootSpki, long now, Signatures signatures) {
        try {
            String[] p = parts(text, "SHRL1", 4 * 1024 * 1024);
            if (!signatures.genuine(rootSpki, p[0] + "." + p[1] + "." + p[2], p[3])) {
                return null;
            }
            Map<String, Object> o = object(b64url(p[2]));
            Time issued = listHeader(o, now);
            Object revoked = o.get("revoked");
            if (!(revoked instanceof List)) {
                return null;
            }
            Set<String> ids = new HashSet<>();
            for (Object r : (List<?>) revoked) {
                if (!(r instanceof Map)) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r;
                String certId = string(m, "certId");
                dateTime(string(m, "revokedAt"));
                string(m, "reason");
                ids.add(certId);
            }
            return new Revocations(issued, ids);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Time listHeader(Map<String, Object> o, long now) {
        version1(o);
        Time issued = dateTime(string(o, "issuedAt"));
        Time next = dateTime(string(o, "nextUpdate"));
        if (next.compareTo(issued) < 0 || issued.compareTo(new Time(now + 300, 0)) > 0) {
            throw new IllegalArgumentException("list times");
        }
        return issued;
    }

    /** Canonical padded base64 of the one SPKI shape an SM2 key has, with a point on the curve. */
    static boolean spki(String text) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!Base64.getEncoder().encodeToString(der).equals(text) || der.length != SPKI_PREFIX.length + 64
                || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
            return false;
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(der, SPKI_PREFIX.length, SPKI_PREFIX.length + 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(der, SPKI_PREFIX.length + 32, der.length));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        return y.multiply(y).mod(P).equals(x.pow(3).add(A.multiply(x)).add(B).mod(P));
    }

    // ---- the pieces ----

    static byte[] b64url(String s) {
        if (s.isEmpty() || s.length() % 4 == 1) {
            throw new IllegalArgumentException("base64url length");
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        byte[] out = new byte[s.length() * 6 / 8];
        int bits = 0;
        int acc = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = alphabet.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("base64url character");
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0) {
            throw new IllegalArgumentException("trailing bits");
        }
        return Arrays.copyOf(out, n);
    }

    private static Map<String, Object> object(byte[] bytes) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("UTF-8");
        }
        Object value = StrictJson.parseKeepingIntegers(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private static void version1(Map<String, Object> o) {
        if (!BigInteger.ONE.equals(o.get("v"))) {
            throw new IllegalArgumentException("v");
        }
    }

    private static String string(Map<String, Object> o, String name) {
        Object v = o.get(name);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException(name);
        }
        return (String) v;
    }

    /** Days since the epoch of a full-date; IllegalArgumentException if it is not one. */
    static long date(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("date");
        }
        return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static long day(int y, int mo, int d) {
        if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
            throw new IllegalArgumentException("no such day");
        }
        return CivilCalendar.daysFromCivil(y, mo, d);
    }

    private static int daysIn(int y, int m) {
        boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        return new int[] {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m - 1];
    }

    static Time dateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("date-time");
        }
        long day = day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        int h = Integer.parseInt(m.group(4));
        int mi = Integer.parseInt(m.group(5));
        int sec = Integer.parseInt(m.group(6));
        if (h > 23 || mi > 59 || sec > 59) {
            throw new IllegalArgumentException("time");
        }
        int offset = 0;
        if (m.group(9) != null) {
            int oh = Integer.parseInt(m.group(10));
            int om = Integer.parseInt(m.group(11));
            if (om > 59 || oh > 18 || oh == 18 && om > 0) {
                throw new IllegalArgumentException("offset");
            }
            offset = (oh * 3600 + om * 60) * (m.group(9).equals("-") ? -1 : 1);
        }
        int nano = m.group(7) == null ? 0 : Integer.parseInt((m.group(7).substring(1) + "00000000").substring(0, 9));
        return new Time(day * 86_400 + h * 3600L + mi * 60L + sec - offset, nano);
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
