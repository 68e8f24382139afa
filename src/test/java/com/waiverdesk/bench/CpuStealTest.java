package com.waiverdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuStealTest {
    @Test
    void readsStealAndTheTotalFromTheCpuLine() {
        assertThat(CpuSteal.parse(List.of("cpu  100 5 20 700 10 1 4 160 30 0", "cpu0 50 2 10 350 5 0 2 80 15 0")))
                .contains(new CpuSteal(160, 1000));
    }

    @Test
    void nothingFromAnotherFormat() {
        assertThat(CpuSteal.parse(List.of())).isEmpty();
        assertThat(CpuSteal.parse(List.of("intr 12345"))).isEmpty();
        assertThat(CpuSteal.parse(List.of("cpu  1 2 3"))).isEmpty();
    }
}
