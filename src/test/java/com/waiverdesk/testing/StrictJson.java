package com.waiverdesk.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON reader written from RFC 8259's grammar for the reply oracle, so that the oracle shares no parsing code with
 * the client (which uses Jackson): objects become maps (a repeated name is an error), arrays lists, numbers
 * BigDecimal ({@link #parseKeepingIntegers}: BigInteger when written without fraction or exponent, so an oracle can
 * tell {@code 1} from {@code 1.0}), {@code null} {@link #NULL}. Shared by the reply oracle and the e-certificate
 * oracle.
 */
public final class StrictJson {
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int at;

    private final boolean integers;

    private StrictJson(String text, boolean integers) {
        this.integers = integers;
        this.text = text;
    }

    /** The value the whole text holds; throws IllegalArgumentException on anything RFC 8259 does not allow. */
    public static Object parse(String text) {
        return read(new StrictJson(text, false));
    }

    /** As {@link #parse}, numbers written as integers read as BigInteger. */
    public static Object parseKeepingIntegers(String text) {
        return read(new StrictJson(text, true));
    }

    private static Object read(StrictJson reader) {
        reader.space();
        Object value = reader.value();
        reader.space();
        if (reader.at != reader.text.length()) {
            throw new IllegalArgumentException("text after the value at " + reader.at);
        }
        return value;
    }

    private Object value() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("end of text where a value belongs");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        space();
        if (peek('}')) {
            at++;
            return members;
        }
        while (true) {
            space();
            if (!peek('"')) {
                throw new IllegalArgumentException("name expected at " + at);
            }
            String name = string();
            space();
            expect(':');
            space();
            if (members.containsKey(name)) {
                throw new IllegalArgumentException("name repeated: " + name);
            }
            members.put(name, value());
            space();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        at++;
        space();
        if (peek(']')) {
            at++;
            return items;
        }
        while (true) {
            space();
            items.add(value());
            space();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return items;
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw new IllegalArgumentException("unterminated escape");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"': case '\\': case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9A-Fa-f]{4}")) {
                        throw new IllegalArgumentException("bad \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                default:
                    throw new IllegalArgumentException("bad escape \\" + e);
            }
        }
    }

    private Number number() {
        boolean integer = true;
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else if (at < text.length() && text.charAt(at) >= '1' && text.charAt(at) <= '9') {
            digits();
        } else {
            throw new IllegalArgumentException("value expected at " + start);
        }
        if (peek('.')) {
            integer = false;
            at++;
            digits();
        }
        if (peek('e') || peek('E')) {
            integer = false;
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            digits();
        }
        return integers && integer ? new java.math.BigInteger(text.substring(start, at))
                : new BigDecimal(text.substring(start, at));
    }

    private void digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("digit expected at " + at);
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("bad literal at " + at);
        }
        at += word.length();
        return value;
    }

    private void space() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("'" + c + "' expected at " + at);
        }
        at++;
    }
}
