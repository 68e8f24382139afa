package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashChainTest {

    @Test
    void hashMatchesAnIndependentImplementationOfTheDocumentedFormat() {
        // computed with a few lines of Python following the HashChain class comment
        assertThat(HashChain.hash(1, Arrays.asList(1000L, null, "张三", "", 0L, "[\"SUBSISTENCE_ALLOWANCE\"]"),
                HashChain.GENESIS)).isEqualTo("e5f3ba5271357ef6055978980c10341daf6ca67f175f26f156b7e84fcbcafc40");
        assertThat(HashChain.hash(2, List.of(-1L), "ab"))
                .isEqualTo("47e18d7074a61a332e3c1cbcb646f95871fceac63522e5d32688ed6f5f9128a7");
    }

    @Test
    void storedFormOfAnEntryIsPinned() {
        assertThat(EntryColumns.toColumns(AuditFixtures.entry(1))).containsExactly(
                1772352001123L, "2026-03-01T16:00:01.5+08:00", "clerk-07", "WIN-ADM-03", "110105********002X",
                AuditFixtures.HASHER.hash(AuditFixtures.FULL_ID), "张三", "WAIVE", 0L, "WAIVED_BY_CATEGORY",
                "[\"SUBSISTENCE_ALLOWANCE\"]", "MATCH", "req-1", null, 41L);
    }

    @Test
    void storedFormReadsBackToTheSameEntry() {
        AuditEntry failed = AuditFixtures.failedEntry();
        assertThat(EntryColumns.fromColumns(EntryColumns.toColumns(failed))).isEqualTo(failed);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ab|c   |a  |bc",
            "''|NULL|NULL|''",
            "a,b|''|a|b",
            "x|y    |y  |x"})
    void differentRowsNeverShareACanonicalForm(String a1, String a2, String b1, String b2) {
        assertThat(HashChain.hash(1, Arrays.asList(a1, a2), HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(1, Arrays.asList(b1, b2), HashChain.GENESIS));
    }

    @Test
    void numberAndItsTextHashDifferently() {
        assertThat(HashChain.hash(1, List.of(1L), HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(1, List.of("1"), HashChain.GENESIS));
    }

    @Test
    void seqAndPreviousHashAreCovered() {
        List<Object> values = List.of("same");
        String base = HashChain.hash(1, values, HashChain.GENESIS);
        assertThat(HashChain.hash(2, values, HashChain.GENESIS)).isNotEqualTo(base);
        assertThat(HashChain.hash(1, values, "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void verifierAcceptsAConsecutiveChainAndReportsItsHead() {
        HashChain.Verifier verifier = new HashChain.Verifier();
        String prev = HashChain.GENESIS;
        for (long seq = 1; seq <= 3; seq++) {
            List<Object> values = List.of("entry " + seq);
            String hash = HashChain.hash(seq, values, prev);
            assertThat(verifier.accept(seq, values, prev, hash)).isTrue();
            prev = hash;
        }

        ChainReport report = verifier.report();
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(3);
        assertThat(report.lastGoodSeq()).isEqualTo(3);
        assertThat(report.lastGoodHash()).isEqualTo(prev);
    }

    @Test
    void verifierStopsAtTheFirstBreak() {
        HashChain.Verifier verifier = new HashChain.Verifier();
        List<Object> values = List.of("x");

        assertThat(verifier.accept(1, values, HashChain.GENESIS, "f".repeat(64))).isFalse();
        assertThat(verifier.accept(2, values, "f".repeat(64), HashChain.hash(2, values, "f".repeat(64)))).isFalse();

        ChainReport report = verifier.report();
        assertThat(report.breakFound()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.kind()).isEqualTo(ChainReport.BreakKind.EDITED);
        });
        assertThat(report.entriesChecked()).isEqualTo(1);
        assertThat(report.lastGoodSeq()).isZero();
        assertThat(report.lastGoodHash()).isEqualTo(HashChain.GENESIS);
    }
}
