package com.waiverdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.ChainReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChainStatusTest {
    private static final String HASH = "c".repeat(64);

    @Test
    void nothingIsVerifiedBeforeTheFirstCheck() {
        assertThat(ChainStatus.of(null, 1)).isEqualTo(ChainStatus.NOT_VERIFIED);
    }

    @ParameterizedTest
    @CsvSource({"1, VERIFIED", "500, VERIFIED", "501, NEWER_THAN_CHECK"})
    void anIntactChainVouchesForWhatItChecked(long seq, ChainStatus expected) {
        assertThat(ChainStatus.of(new ChainReport(500, 500, HASH, null), seq)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"119, VERIFIED", "120, AFTER_BREAK", "121, FIRST_BREAK", "122, AFTER_BREAK", "900, AFTER_BREAK"})
    void aBrokenChainVouchesOnlyForWhatCameBeforeTheBreak(long seq, ChainStatus expected) {
        // a gap: 120 was deleted, so 121 is where the chain shows the break and the last good entry is 119
        ChainReport report = new ChainReport(121, 119, HASH,
                new ChainReport.Break(121, ChainReport.BreakKind.DELETED, "121 follows 119"));

        assertThat(ChainStatus.of(report, seq)).isEqualTo(expected);
    }
}
