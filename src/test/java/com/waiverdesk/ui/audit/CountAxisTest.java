package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Count axes step in whole numbers (never 0.5), at most ten steps, and end on a step at or above the top value. */
class CountAxisTest {
    @ParameterizedTest(name = "max {0}: step {1}, top {2}")
    @CsvSource({
        "0, 1, 1",
        "1, 1, 1",
        "3, 1, 3",
        "10, 1, 10",
        "11, 2, 12",
        "20, 2, 20",
        "21, 5, 25",
        "50, 5, 50",
        "51, 10, 60",
        "1400, 200, 1400",
        "1401, 200, 1600",
        "98765, 10000, 100000",
    })
    void stepsAreWholeAndFew(long max, long step, long top) {
        assertThat(CountAxis.step(max)).isEqualTo(step);
        assertThat(CountAxis.upper(max)).isEqualTo(top);
    }
}
