package com.waiverdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast, packed reading of a row hashes exactly as the column-by-column reading does, for any value the program writes. */
class PackedRowTest {

    static Stream<List<Object>> rows() {
        return Stream.of(
                Arrays.asList(null, 0L, "", "张三"),
                Arrays.asList(1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE),
                Arrays.asList("quote \" backslash \\ newline \n tab \t bell \u0007", "阿卜杜·热合曼", "😀𠀋"),
                Arrays.asList("x".repeat(11), "y".repeat(12), "z".repeat(255), "w".repeat(256), "v".repeat(70_000)),
                Arrays.asList("[\"SUBSISTENCE_ALLOWANCE\",\"LOW_INCOME_FAMILY\"]", "2026-03-01T16:00:01.5+08:00"),
                Arrays.asList("\u0000\u001f\u007f\u0080 / \\u0041 \r\f\b", "\"张三\"", "\"", "\\"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void packedRowHashesAsTheValuesDo(List<Object> values) throws Exception {
        String expected = HashChain.hash(HashChain.FORMAT, 7, values, HashChain.GENESIS);

        byte[] packed = pack(values);

        assertThat(new RowDigester().matchesPacked(HashChain.FORMAT, 7, packed, values.size(),
                HashChain.GENESIS, expected)).isTrue();
        assertThat(new RowDigester().matchesPacked(HashChain.FORMAT, 8, packed, values.size(),
                HashChain.GENESIS, expected)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void packingWithAnotherNumberOfValuesIsNotAccepted(List<Object> values) throws Exception {
        String expected = HashChain.hash(HashChain.FORMAT, 7, values, HashChain.GENESIS);
        byte[] packed = pack(values);

        assertThat(new RowDigester().matchesPacked(HashChain.FORMAT, 7, packed, values.size() - 1,
                HashChain.GENESIS, expected)).isFalse();
        assertThat(new RowDigester().matchesPacked(HashChain.FORMAT, 7, Arrays.copyOf(packed, packed.length - 1),
                values.size(), HashChain.GENESIS, expected)).isFalse();
    }

    private static byte[] pack(List<Object> values) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             PreparedStatement ps = c.prepareStatement("SELECT jsonb_array(?" + ", ?".repeat(values.size() - 1) + ")")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
