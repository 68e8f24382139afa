package com.waiverdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.app.PolicyLoader;
import com.waiverdesk.domain.Decision;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.testing.CivilCalendar;
import com.waiverdesk.verification.AnswerReader;
import com.waiverdesk.verification.ReplyParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Mutated {@code 200} replies, {@value #DEFAULT_REPLIES} by default ({@code -Dfuzz.replies=N} for more), each
 * judged by {@link AnswerOracle} (written from the documents, not from the parser) and by the client's own reading
 * and the bundled policy. No reply the oracle rejects may lower the deposit; a reply it accepts must get the
 * oracle's decision. Seeded, so a failure names a case that can be replayed.
 */
class ReplyFuzzTest {
    static final int DEFAULT_REPLIES = 200_000;
    private static final String REQUEST_ID = "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e90";
    private static final long BUDGET_SECONDS = 5;
    /** 2026-12-06T04:00:00Z, noon in Shanghai. */
    private static final long NOW = CivilCalendar.daysFromCivil(2026, 12, 6) * 86_400 + 4 * 3600;
    private static final String[] CATEGORIES = {"SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY_SUPPORT",
        "LOW_INCOME_FAMILY", "EXPENDITURE_POVERTY", "HOUSING_HARDSHIP", "subsistence_allowance",
        "SUBSISTENCE_ALLOWANCE ", " ", "\u00A0", "\u3000", ""};
    private static final String[] BAD_DATES = {"+99999-12-31", "+12026-01-01", "-2019-01-01", "12026-01-01",
        "2026-02-29", "2024-02-30", "2026-13-01", "2026-1-01", "2026/12/31", "20261231", "2026-12-31T00:00:00Z",
        " 2026-12-31", "２０２６-12-31", "2026-12-31\u0000", "0000-00-00", "9999-12-31", "0001-01-01",
        "2026-12-31\n", ""};
    private static final String[] TIME_SHAPES = {"%sT%s:%s:%s%s", "%sT%s:%s%s", "%st%s:%s:%s%s", "%s %s:%s:%s%s",
        "%sT%s:%s:%s.123456789%s", "%sT%s:%s:%s.1234567891%s", "%sT%s:%s:%s.%s", "%sT%s:%s:60%s", "+1%sT%s:%s:%s%s"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
        "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; charset=utf-16",
        "application/json; charset=UTF-16BE", "application/json; charset=iso-8859-1", "text/json", "text/plain",
        "application/problem+json", "APPLICATION/JSON", null};

    private final DepositPolicy policy = new PolicyLoader(new ObjectMapper()).loadDefault();
    private final ReplyParser parser = new ReplyParser(new ObjectMapper());

    ReplyFuzzTest() throws Exception {
    }

    @Test
    void noReplyTheContractRejectsLowersTheDepositAndEveryAcceptedOneDecidesAsTheContractSays() {
        int replies = Integer.getInteger("fuzz.replies", DEFAULT_REPLIES);
        Random random = new Random(Long.getLong("fuzz.seed", 20261206L));
        TreeMap<String, Integer> rejectedWhy = new TreeMap<>();
        int accepted = 0;
        int lowered = 0;
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < replies && problems.size() < 20; n++) {
            long clockShift = clockShift(random);
            String contentType = random.nextInt(8) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]
                    : "application/json";
            byte[] body = mutateBytes(random, body(random));
            AnswerOracle.Verdict verdict = AnswerOracle.judge(contentType, body, REQUEST_ID, NOW + clockShift,
                    BUDGET_SECONDS);

            Decision decision = decide(contentType, body, NOW + clockShift);

            if (verdict.accepted()) {
                accepted++;
                if (decision.kind() != verdict.decision()
                        || !java.util.Objects.equals(decision.depositPercent(), verdict.depositPercent())) {
                    problems.add("case " + n + ": contract says " + verdict.decision() + " " + verdict.depositPercent()
                            + ", desk " + decision.kind() + " " + decision.depositPercent() + ": " + show(body));
                }
                lowered += decision.kind().lowersDeposit() ? 1 : 0;
            } else {
                rejectedWhy.merge(verdict.why().replaceAll(" at .*|: .*", ""), 1, Integer::sum);
                if (decision.kind() != verdict.decision()) {
                    problems.add("case " + n + ": contract rejects (" + verdict.why() + "), desk " + decision.kind()
                            + " " + decision.depositPercent() + " [" + contentType + "] " + show(body));
                }
            }
        }
        System.out.printf("ReplyFuzzTest: %d replies, %d accepted (%d lowering the deposit), rejected by reason %s%n",
                replies, accepted, lowered, rejectedWhy);
        assertThat(problems).as("replies the desk and the contract judge differently").isEmpty();
        // the generator must reach every side, or the run proves little
        assertThat(accepted).isGreaterThan(replies / 10);
        assertThat(lowered).isGreaterThan(replies / 20);
        assertThat(rejectedWhy.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(replies / 3);
    }

    private Decision decide(String contentType, byte[] body, long workstationSecond) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(workstationSecond), ZoneOffset.UTC);
        AnswerReader.Read read = new AnswerReader(parser, clock,
                Duration.ofSeconds(BUDGET_SECONDS)).read(contentType, body, REQUEST_ID);
        VerificationOutcome outcome = read.answer() != null ? VerificationOutcome.answered(read.answer(), 1, 1)
                : VerificationOutcome.failed(REQUEST_ID, read.failure(), null, 1, 1);
        return policy.decide(outcome);
    }

    /** How far the workstation's clock is from the service's, in seconds; mostly close, sometimes at the edge. */
    private static long clockShift(Random random) {
        long[] edges = {0, 1, -1, 299, -299, 305, -305, 306, -306, 3600, -86_400, 259_200, -259_200};
        return random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(61) - 30;
    }

    /** A well-formed reply, then zero to three structural mutations of its text. */
    private static String body(Random random) {
        String[] results = {"MATCH", "MATCH", "MATCH", "NO_RECORD", "NAME_MISMATCH"};
        String result = results[random.nextInt(results.length)];
        List<String> grants = new ArrayList<>();
        int count = "MATCH".equals(result) ? random.nextInt(4) : 0;
        long today = CivilCalendar.shanghaiDay(NOW);
        for (int i = 0; i < count; i++) {
            long from = today + random.nextInt(5) - 3;
            String until = random.nextInt(4) == 0 ? "null"
                    : "\"" + CivilCalendar.fullDate(from + random.nextInt(5) - 1) + "\"";
            String category = random.nextInt(5) == 0 ? CATEGORIES[random.nextInt(CATEGORIES.length)]
                    : CATEGORIES[random.nextInt(4)];
            grants.add("{\"category\":" + quote(category) + ",\"validFrom\":\"" + CivilCalendar.fullDate(from)
                    + "\",\"validUntil\":" + until + "}");
        }
        int offset = (random.nextInt(27 * 4) - 12 * 4) * 15;
        String checkedAt = CivilCalendar.dateTime(NOW + random.nextInt(21) - 10, offset);
        List<String> members = new ArrayList<>(List.of("\"requestId\":\"" + REQUEST_ID + "\"",
                "\"result\":\"" + result + "\"", "\"assistance\":[" + String.join(",", grants) + "]",
                "\"checkedAt\":\"" + checkedAt + "\""));
        for (int m = random.nextInt(4); m > 0; m--) {
            mutateMembers(random, members, checkedAt);
        }
        return "{" + String.join(",", members) + "}";
    }

    private static void mutateMembers(Random random, List<String> members, String checkedAt) {
        int i = random.nextInt(members.size());
        String member = members.get(i);
        switch (random.nextInt(12)) {
            case 0:
                members.remove(i);
                break;
            case 1:
                members.add(member.replaceFirst(":.*", ":" + someValue(random)));
                break;
            case 2:
                members.set(i, member.replaceFirst(":.*", ":" + someValue(random)));
                break;
            case 3:
                members.set(i, member.replaceFirst("\\d{4}-\\d{2}-\\d{2}\"",
                        BAD_DATES[random.nextInt(BAD_DATES.length)].replace("\u0000", "\\u0000").replace("\n", "\\n")
                                + "\""));
                break;
            case 4:
                members.set(i, member.replace(checkedAt, otherTimeShape(random, checkedAt)));
                break;
            case 5:
                members.add(random.nextInt(members.size() + 1), "\"x" + random.nextInt(3) + "\":" + someValue(random));
                break;
            case 6:
                members.set(i, member.replace("\"validUntil\":null", "\"validUntil\":\"2019-01-01\"")
                        .replace(",\"validUntil\":null", ""));
                break;
            case 7:
                members.set(i, member.replace("MATCH", new String[] {"match", "MATCH ", "NO_RECORD", "MATCHED",
                    "NAME_MISMATCH"}[random.nextInt(5)]));
                break;
            case 8:
                members.set(i, member.replace(REQUEST_ID, new String[] {REQUEST_ID.toUpperCase(),
                    "6f1c0a8e-3d4b-4a8e-9d55-0a7f4c1b2e91", "", "6f1c0a8e3d4b4a8e9d550a7f4c1b2e90"}[random.nextInt(4)]));
                break;
            case 9:
                members.set(i, member.replaceFirst("\"category\":\"[^\"]*\"",
                        "\"category\":" + quote(CATEGORIES[random.nextInt(CATEGORIES.length)])));
                break;
            case 10:
                members.set(i, member.replace("[{", "[" + someValue(random) + ",{"));
                break;
            default:
                // the same text with JSON's own escapes: still the same answer
                members.set(i, member.replace("-", "\\u002d").replace("\"validFrom\"", "\"valid\\u0046rom\""));
                break;
        }
    }

    private static String otherTimeShape(Random random, String checkedAt) {
        String date = checkedAt.substring(0, 10);
        String zone = checkedAt.substring(19);
        String shape = TIME_SHAPES[random.nextInt(TIME_SHAPES.length)];
        String[] zones = {zone, "", "+0800", "+08", "+08:00[Asia/Shanghai]", "z", "+19:00", "-18:00", "+08:60"};
        String newZone = random.nextBoolean() ? zone : zones[random.nextInt(zones.length)];
        return String.format(shape, date, checkedAt.substring(11, 13), checkedAt.substring(14, 16),
                checkedAt.substring(17, 19), newZone).replaceAll("%s", "");
    }

    private static String someValue(Random random) {
        String[] values = {"1", "null", "true", "[]", "{}", "\"x\"", "\"\"", "\"2026-12-06\"", "\"2026-12-06T12:00:00+08:00\"",
            "[\"MATCH\"]", "{\"result\":\"MATCH\"}", "1e400", "-0", "\"\\ud800\""};
        return values[random.nextInt(values.length)];
    }

    /** Byte-level damage to one reply in four: encodings, a BOM, cut, flipped, inserted or deleted bytes. */
    private static byte[] mutateBytes(Random random, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) != 0) {
            return bytes;
        }
        switch (random.nextInt(9)) {
            case 0:
                return text.getBytes(Charset.forName(new String[] {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE",
                    "UTF-32LE"}[random.nextInt(5)]));
            case 1:
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            case 2:
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 3:
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            case 4:
                int at = random.nextInt(bytes.length);
                return concat(java.util.Arrays.copyOf(bytes, at),
                        concat(new byte[] {(byte) random.nextInt(256)}, java.util.Arrays.copyOfRange(bytes, at, bytes.length)));
            case 5:
                int cut = random.nextInt(bytes.length);
                return concat(java.util.Arrays.copyOf(bytes, cut), java.util.Arrays.copyOfRange(bytes, cut + 1, bytes.length));
            case 6:
                return concat(bytes, " \n\t".getBytes(StandardCharsets.US_ASCII));
            case 7:
                return concat(bytes, new String[] {" {}", "x", "\u0000", "]", ","}[random.nextInt(5)]
                        .getBytes(StandardCharsets.UTF_8));
            default:
                return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String show(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
