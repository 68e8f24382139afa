package com.waiverdesk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only date and time forms the wire contracts accept: RFC 3339 {@code full-date} and {@code date-time} with a
 * four-digit year, seconds and an offset. java.time alone also reads {@code +99999-12-31}, {@code -2019-01-01} and
 * times without seconds, so the shape is checked first and only then handed to the strict ISO parser (which
 * refuses 31 February and hour 24).
 */
public final class Rfc3339 {
    // ASCII digits only (Java's \d is ASCII unless asked otherwise); upper-case T and Z only, the form every
    // known writer uses: refusing a rarer legal spelling costs a "could not verify", accepting a bad one could waive
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {
    }

    /** A {@code full-date} ({@code 2026-12-31}), or empty when the text is anything else. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !FULL_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A {@code date-time} with seconds and an offset ({@code 2026-12-31T23:30:00Z}), or empty otherwise. */
    public static Optional<OffsetDateTime> dateTime(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
