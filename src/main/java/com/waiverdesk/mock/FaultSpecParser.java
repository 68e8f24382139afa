package com.waiverdesk.mock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code --faults} syntax documented on {@link FaultSpec}, with errors that name the bad part. */
final class FaultSpecParser {
    private static final List<String> KEYS = List.of("latency", "jitter", "error", "malformed", "ratelimit",
            "timeout", "seed");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");
    private static final Pattern RATE = Pattern.compile("\\d*\\.?\\d+");
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final Map<String, String> parts;

    private FaultSpecParser(Map<String, String> parts) {
        this.parts = parts;
    }

    private Duration duration(String key, Duration absent) {
        String value = parts.get(key);
        return value == null ? absent : parseDuration(key, value);
    }

    private double rate(String key) {
        String value = parts.get(key);
        if (value == null) {
            return 0;
        }
        String rate = value.split(":", 2)[0];
        double r = RATE.matcher(rate).matches() ? Double.parseDouble(rate) : -1;
        if (r < 0 || r > 1) {
            throw bad(key + "=" + value, "rate must be a number from 0 to 1");
        }
        return r;
    }

    private int status(String key, int absent) {
        String arg = argument(key);
        int status = arg == null ? absent : integer(key, arg);
        if (status < 500 || status > 599) {
            throw bad(key + "=" + parts.get(key), "status must be from 500 to 599");
        }
        return status;
    }

    private int retryAfter(String key, int absent) {
        String arg = argument(key);
        int seconds = arg == null ? absent : integer(key, arg);
        if (seconds < 0 || seconds > MAX_DELAY.toSeconds()) {
            throw bad(key + "=" + parts.get(key), "Retry-After must be 0 to " + MAX_DELAY.toSeconds() + " s");
        }
        return seconds;
    }

    private MalformedShape shape(String key) {
        String arg = argument(key);
        try {
            return arg == null ? null : MalformedShape.fromSpecName(arg.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key + "=" + parts.get(key), e.getMessage());
        }
    }

    private Duration hangTime(String key, Duration absent) {
        String arg = argument(key);
        return arg == null ? absent : parseDuration(key, arg);
    }

    private Long seed() {
        String value = parts.get("seed");
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw bad("seed=" + value, "seed must be a whole number");
        }
    }

    private String argument(String key) {
        String value = parts.get(key);
        int colon = value == null ? -1 : value.indexOf(':');
        return colon < 0 ? null : value.substring(colon + 1).trim();
    }

    private int integer(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(key + "=" + parts.get(key), "'" + text + "' is not a whole number");
        }
    }

    private Duration parseDuration(String key, String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw bad(key + "=" + parts.get(key), "duration must be whole ms or s, e.g. 200ms or 2s");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (d.compareTo(MAX_DELAY) > 0) {
            throw bad(key + "=" + parts.get(key), "duration over " + MAX_DELAY.toMinutes() + " min");
        }
        return d;
    }

    static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return FaultSpec.NONE;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.trim();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw bad(part, "expected key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw bad(part, "unknown key, expected one of " + String.join(", ", KEYS));
            }
            if (parts.putIfAbsent(key, part.substring(eq + 1).trim()) != null) {
                throw bad(part, "key given twice");
            }
        }
        FaultSpecParser p = new FaultSpecParser(parts);
        return new FaultSpec(p.duration("latency", Duration.ZERO), p.duration("jitter", Duration.ZERO),
                p.rate("error"), p.status("error", 503), p.rate("malformed"), p.shape("malformed"),
                p.rate("ratelimit"), p.retryAfter("ratelimit", 1), p.rate("timeout"),
                p.hangTime("timeout", FaultSpec.NONE.hangTime()), p.seed());
    }

    private static IllegalArgumentException bad(String part, String why) {
        return new IllegalArgumentException("fault spec part '" + part + "': " + why);
    }
}
