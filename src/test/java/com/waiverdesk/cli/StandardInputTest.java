package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardInputTest {
    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOneLineWithoutItsLineEndAndNothingPastIt() throws IOException {
        InputStream in = in("310101195203140028\r\nsecond\n");
        assertThat(StandardInput.line(in)).isEqualTo("310101195203140028");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second\n");
    }

    @Test
    void aLastLineWithoutLineEndIsRead() throws IOException {
        assertThat(StandardInput.line(in("11010519491231002X"))).isEqualTo("11010519491231002X");
    }

    @Test
    void anEmptyLineIsAnEmptyValueButNoInputAtAllIsRefused() throws IOException {
        assertThat(StandardInput.line(in("\n"))).isEmpty();
        assertThatThrownBy(() -> StandardInput.line(in(""))).isInstanceOf(IOException.class)
                .hasMessageContaining("standard input is empty");
    }

    @Test
    void refusesALineLongerThanAnyValueInsteadOfReadingItWhole() {
        assertThatThrownBy(() -> StandardInput.line(in("9".repeat(StandardInput.MAX_BYTES + 1))))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than " + StandardInput.MAX_BYTES);
    }
}
