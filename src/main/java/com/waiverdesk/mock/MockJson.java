package com.waiverdesk.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one JSON mapper and timestamp format of the mock, so every reply is written the same way. */
final class MockJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The service's zone: Shanghai, which has had no daylight saving since 1991. */
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private MockJson() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Whole seconds in +08:00, e.g. {@code 2026-11-28T12:00:00+08:00}. */
    static String time(java.time.Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).format(TIME);
    }
}
