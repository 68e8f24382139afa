package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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
                "[\"SUBSISTENCE_ALLOWANCE\"]", "MATCH", "req-1", null, 41L, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void storedFormOfAProofIsPinned() {
        assertThat(EntryColumns.toColumns(AuditFixtures.paperEntry(1)).subList(20, 31)).containsExactly(
                "PAPER", null, null, null, null, "沪民证字20260417", "徐汇区凌云街道社区事务受理服务中心", "2026-02-20",
                "SUBSISTENCE_ALLOWANCE", 3L, 0L);
        assertThat(EntryColumns.toColumns(AuditFixtures.ecertEntry(1)).subList(20, 31)).containsExactly(
                "ECERT_OFFLINE", "SHC-2026-000042", "issuer-2026-01", 3600L, 1800L, null, null, null, null, null, 1L);
        assertThat(EntryColumns.toColumns(AuditFixtures.entry(1).withProof(ProofDetail.liveQuery())).subList(20, 31))
                .containsExactly("LIVE_QUERY", null, null, null, null, null, null, null, null, null, 0L);
    }

    @Test
    void storedProofsReadBackToTheSameEntries() {
        for (AuditEntry e : List.of(AuditFixtures.paperEntry(2), AuditFixtures.ecertEntry(3),
                AuditFixtures.failedEntry().withProof(ProofDetail.liveQuery()),
                AuditFixtures.entry(4).withProof(ProofDetail.ecert(com.waiverdesk.domain.Channel.ECERT_ONLINE,
                        "SHC-9", "k1", null, null, false)))) {
            assertThat(EntryColumns.fromColumns(EntryColumns.toColumns(e))).isEqualTo(e);
        }
    }

    @Test
    void theRecordedProofIsCoveredByTheHash() {
        List<Object> paper = EntryColumns.toColumns(AuditFixtures.paperEntry(4));
        String hash = HashChain.hash(4, paper, HashChain.GENESIS);
        assertThat(hash).isEqualTo(referenceHash(HashChain.FORMAT, 4, paper, HashChain.GENESIS));
        for (int column : new int[] {20, 25, 26, 27, 28, 29, 30}) {
            List<Object> altered = new ArrayList<>(paper);
            altered.set(column, column == 29 || column == 30 ? (Object) 2L : "X");
            assertThat(HashChain.hash(4, altered, HashChain.GENESIS)).as("column %d", column).isNotEqualTo(hash);
        }
        List<Object> ecert = EntryColumns.toColumns(AuditFixtures.ecertEntry(4));
        List<Object> otherCert = new ArrayList<>(ecert);
        otherCert.set(21, "SHC-2026-000043");
        assertThat(HashChain.hash(4, otherCert, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(4, ecert, HashChain.GENESIS));
    }

    @Test
    void aProofWithoutASourceSerializesTheSourcesNullsInBetween() {
        List<Object> values = EntryColumns.toColumns(AuditFixtures.entry(5).withProof(ProofDetail.liveQuery()));
        assertThat(values.subList(15, 20)).containsOnlyNulls();
        assertThat(HashChain.hash(5, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.FORMAT, 5, values, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(5, EntryColumns.toColumns(AuditFixtures.entry(5)), HashChain.GENESIS));
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"plain ASCII", "张三", "阿卜杜·热合曼", "emoji 😀 and 𠀋", "é ß ø"})
    void streamingDigesterEncodesTextExactlyAsTheJdkDoes(String text) {
        List<Object> values = Arrays.asList(text, null, 42L, text + text);
        assertThat(new RowDigester().hash(HashChain.FORMAT, 9, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.FORMAT, 9, values, HashChain.GENESIS));
    }

    @Test
    void unpairedSurrogateIsEncodedAsTheJdkDoes() {
        List<Object> values = List.of("a\ud800b", "\udc00");
        assertThat(HashChain.hash(1, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.FORMAT, 1, values, HashChain.GENESIS));
    }

    @Test
    void accessChainHashesDifferFromCheckChainHashes() {
        List<Object> values = List.of(1L, "supervisor", "WIN", "SEARCH", "");
        assertThat(HashChain.hash(HashChain.ACCESS_FORMAT, 1, values, HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(1, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.ACCESS_FORMAT, 1, values, HashChain.GENESIS));
    }

    @Test
    void anEntryWithoutASourceHashesAsSchemaVersion1WroteIt() {
        List<Object> all = EntryColumns.toColumns(AuditFixtures.entry(4));
        assertThat(all).hasSize(31).endsWith(null, null, null, null, null);
        List<Object> version1 = all.subList(0, 15);

        assertThat(HashChain.hash(4, all, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.FORMAT, 4, version1, HashChain.GENESIS))
                .isEqualTo(HashChain.hash(4, version1, HashChain.GENESIS));
    }

    @Test
    void theRecordedSourceIsCoveredByTheHash() {
        List<Object> sourced = EntryColumns.toColumns(AuditFixtures.sourcedEntry(4));
        assertThat(sourced.subList(15, 20)).containsExactly("SH-2018-DEPOSIT", "ab".repeat(32),
                "https://verify.example.gov.cn:8443/gw/", 0L, "1.4.0");

        String hash = HashChain.hash(4, sourced, HashChain.GENESIS);
        assertThat(hash).isEqualTo(referenceHash(HashChain.FORMAT, 4, sourced.subList(0, 20), HashChain.GENESIS))
                .isNotEqualTo(HashChain.hash(4, EntryColumns.toColumns(AuditFixtures.entry(4)), HashChain.GENESIS));
        List<Object> demo = new ArrayList<>(sourced);
        demo.set(18, 1L);
        assertThat(HashChain.hash(4, demo, HashChain.GENESIS)).isNotEqualTo(hash);
    }

    @Test
    void onlyTrailingNullsOfTheLaterColumnsAreLeftOut() {
        List<Object> values = new ArrayList<>(EntryColumns.toColumns(AuditFixtures.sourcedEntry(4)));
        values.set(15, null);
        values.set(19, null);
        // policy_id null but followed by values: serialized; program_version null at the end: left out
        assertThat(HashChain.hash(4, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.FORMAT, 4, values.subList(0, 19), HashChain.GENESIS));
    }

    @Test
    void theAccessChainKeepsTrailingNulls() {
        List<Object> values = Arrays.asList(1L, "supervisor", "WIN", "SEARCH", null);
        assertThat(HashChain.hash(HashChain.ACCESS_FORMAT, 1, values, HashChain.GENESIS))
                .isEqualTo(referenceHash(HashChain.ACCESS_FORMAT, 1, values, HashChain.GENESIS));
    }

    /** The format as the class comment describes it, written the straightforward way. */
    private static String referenceHash(String format, long seq, List<Object> values, String prev) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            List<Object> all = new ArrayList<>();
            all.add(format);
            all.add(seq);
            all.addAll(values);
            all.add(prev);
            for (Object v : all) {
                if (v == null) {
                    out.writeByte(0);
                } else if (v instanceof Long) {
                    out.writeByte(1);
                    out.writeLong((Long) v);
                } else {
                    byte[] utf8 = ((String) v).getBytes(StandardCharsets.UTF_8);
                    out.writeByte(2);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
