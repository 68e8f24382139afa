package com.waiverdesk.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The calendar every proof is judged on: Shanghai's date of an instant, whatever offset the instant was written in.
 * A grant "valid until 31 December" ends at Shanghai's midnight, not at the midnight of the writer's offset.
 */
public final class ShanghaiCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShanghaiCalendar() {
    }

    /** Shanghai's calendar date at the instant {@code time} stands for. */
    public static LocalDate dateOf(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }
}
