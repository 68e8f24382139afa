package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Count axes step in whole numbers (never 0.5), at most six steps, and end on a step at or above the top value. */
class CountAxisTest {
    @ParameterizedTest(name = "max {0}: step {1}, top {2}")
    @CsvSource({
        "0, 1, 1",
        "1, 1, 1",
        "3, 1, 3",
        "6, 1, 6",
        "7, 2, 8",
        "12, 2, 12",
        "13, 5, 15",
        "30, 5, 30",
        "31, 10, 40",
        "61, 20, 80",
        "1400, 500, 1500",
        "98765, 20000, 100000",
    })
    void stepsAreWholeAndFew(long max, long step, long top) {
        assertThat(CountAxis.step(max)).isEqualTo(step);
        assertThat(CountAxis.upper(max)).isEqualTo(top);
    }
}
