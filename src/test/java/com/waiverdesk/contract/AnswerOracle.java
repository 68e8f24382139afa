package com.waiverdesk.contract;

import com.waiverdesk.testing.StrictJson;

import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.testing.CivilCalendar;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code 200} verification reply means, judged from the documents alone: the {@code VerificationAnswer} and
 * {@code AssistanceGrant} schemas of {@code docs/openapi.yaml} with its stated date forms, the transport and
 * {@code checkedAt} paragraphs of verification-api.md, and the deposit table of domain.md. It reads JSON with
 * {@link StrictJson}, dates with its own grammar and {@link CivilCalendar}; nothing here calls the client's parser,
 * java.time or the policy code.
 */
final class AnswerOracle {
    /** domain.md's deposit table, the rules of the bundled policy (in force since 2018, before every test date). */
    static final Map<String, Integer> DEPOSIT_PERCENT = Map.of("SUBSISTENCE_ALLOWANCE", 0,
            "EXTREME_POVERTY_SUPPORT", 0, "LOW_INCOME_FAMILY", 50, "EXPENDITURE_POVERTY", 100);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern DATE_TIME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})"
            + ":([0-9]{2})(\\.[0-9]{1,9})?(Z|([+-])([0-9]{2}):([0-9]{2}))");
    /** ECMA-262 white space and line terminators, what the schema's pattern {@code \S} tests against. */
    private static final String ECMA_SPACE = "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            + "\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
    private static final long TOLERANCE_SECONDS = 300;

    /** A reply the contract accepts, and the decision it leads to; or a rejected one and why. */
    record Verdict(boolean accepted, String why, DecisionKind decision, Integer depositPercent) {
        static Verdict rejected(String why) {
            return new Verdict(false, why, DecisionKind.CANNOT_VERIFY, null);
        }
    }

    private AnswerOracle() {
    }

    static Verdict judge(String contentType, byte[] body, String sentRequestId, long workstationEpochSecond,
                         long budgetSeconds) {
        if (!isJsonUtf8(contentType)) {
            return Verdict.rejected("Content-Type");
        }
        Object root;
        try {
            root = StrictJson.parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Verdict.rejected("not UTF-8");
        } catch (IllegalArgumentException e) {
            return Verdict.rejected("not JSON: " + e.getMessage());
        }
        if (!(root instanceof Map)) {
            return Verdict.rejected("not an object");
        }
        Map<?, ?> answer = (Map<?, ?>) root;
        Object requestId = answer.get("requestId");
        if (!(requestId instanceof String) || !UUID.matcher((String) requestId).matches()
                || !requestId.equals(sentRequestId)) {
            return Verdict.rejected("requestId");
        }
        Object result = answer.get("result");
        if (!(result instanceof String) || !List.of("MATCH", "NO_RECORD", "NAME_MISMATCH").contains(result)) {
            return Verdict.rejected("result");
        }
        if (!(answer.get("assistance") instanceof List)) {
            return Verdict.rejected("assistance");
        }
        List<?> assistance = (List<?>) answer.get("assistance");
        if (!"MATCH".equals(result) && !assistance.isEmpty()) {
            return Verdict.rejected("assistance for " + result);
        }
        for (Object grant : assistance) {
            String problem = grantProblem(grant);
            if (problem != null) {
                return Verdict.rejected(problem);
            }
        }
        Object checkedAt = answer.get("checkedAt");
        Long instant = checkedAt instanceof String ? epochSecond((String) checkedAt) : null;
        if (instant == null) {
            return Verdict.rejected("checkedAt");
        }
        // "more than 300 s plus the budget": a fraction of a second past the limit is past it
        long nanosAway = Math.abs((instant - workstationEpochSecond) * 1_000_000_000L
                + fractionNanos((String) checkedAt));
        if (nanosAway > (TOLERANCE_SECONDS + budgetSeconds) * 1_000_000_000L) {
            return Verdict.rejected("stale");
        }
        return decide(result, assistance, CivilCalendar.shanghaiDay(instant));
    }

    private static Verdict decide(Object result, List<?> assistance, long shanghaiDay) {
        if (!"MATCH".equals(result)) {
            return new Verdict(true, "answered " + result, DecisionKind.CHARGE, 100);
        }
        OptionalInt lowest = assistance.stream().map(g -> (Map<?, ?>) g)
                .filter(g -> day((String) g.get("validFrom")) <= shanghaiDay
                        && (g.get("validUntil") == StrictJson.NULL || shanghaiDay <= day((String) g.get("validUntil"))))
                .map(g -> DEPOSIT_PERCENT.get(g.get("category")))
                .filter(p -> p != null)
                .mapToInt(Integer::intValue).min();
        if (lowest.isEmpty() || lowest.getAsInt() == 100) {
            return new Verdict(true, "answered, nothing lowers", DecisionKind.CHARGE, 100);
        }
        int percent = lowest.getAsInt();
        return new Verdict(true, "answered", percent == 0 ? DecisionKind.WAIVE : DecisionKind.REDUCE, percent);
    }

    private static String grantProblem(Object grant) {
        if (!(grant instanceof Map)) {
            return "grant is not an object";
        }
        Map<?, ?> g = (Map<?, ?>) grant;
        Object category = g.get("category");
        if (!(category instanceof String) || ((String) category).chars().allMatch(c -> ECMA_SPACE.indexOf(c) >= 0)) {
            return "category";
        }
        Object from = g.get("validFrom");
        if (!(from instanceof String) || !isDate((String) from)) {
            return "validFrom";
        }
        if (!g.containsKey("validUntil")) {
            return "validUntil missing";
        }
        Object until = g.get("validUntil");
        if (until == StrictJson.NULL) {
            return null;
        }
        if (!(until instanceof String) || !isDate((String) until)) {
            return "validUntil";
        }
        // four-digit ISO dates sort as text
        return ((String) until).compareTo((String) from) < 0 ? "validUntil before validFrom" : null;
    }

    private static boolean isJsonUtf8(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String value = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!value.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isDate(String text) {
        Matcher m = DATE.matcher(text);
        return m.matches() && isCalendarDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    private static long day(String date) {
        return CivilCalendar.daysFromCivil(Integer.parseInt(date.substring(0, 4)),
                Integer.parseInt(date.substring(5, 7)), Integer.parseInt(date.substring(8, 10)));
    }

    /** Seconds since the epoch of an RFC 3339 date-time in the documented form, or {@code null}. */
    static Long epochSecond(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int dayOfMonth = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (!isCalendarDay(year, month, dayOfMonth) || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int offsetMinutes = 0;
        if (!"Z".equals(m.group(8))) {
            int offsetHours = Integer.parseInt(m.group(10));
            int offsetMinute = Integer.parseInt(m.group(11));
            // openapi.yaml: offsets up to 18 hours either way
            if (offsetMinute > 59 || offsetHours * 60 + offsetMinute > 18 * 60) {
                return null;
            }
            offsetMinutes = ("-".equals(m.group(9)) ? -1 : 1) * (offsetHours * 60 + offsetMinute);
        }
        return CivilCalendar.daysFromCivil(year, month, dayOfMonth) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetMinutes * 60L;
    }

    private static long fractionNanos(String dateTime) {
        Matcher m = DATE_TIME.matcher(dateTime);
        if (!m.matches() || m.group(7) == null) {
            return 0;
        }
        return Long.parseLong((m.group(7).substring(1) + "00000000").substring(0, 9));
    }

    private static boolean isCalendarDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int[] lengths = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= lengths[month - 1];
    }
}
