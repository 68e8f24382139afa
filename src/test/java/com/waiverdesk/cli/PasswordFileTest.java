package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an audit server password is read from a file or standard input: exactly, less one line end, never echoed. */
class PasswordFileTest {
    @TempDir
    Path dir;

    private static char[] parse(String text) throws IOException {
        return PasswordFile.parse(text.getBytes(StandardCharsets.UTF_8), "test input");
    }

    /** The tables write the line ends as \n and \r: a CSV line cannot hold them. */
    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "synthetic-pw-1\\n|synthetic-pw-1",
        "synthetic-pw-1\\r\\n|synthetic-pw-1",
        "synthetic-pw-1|synthetic-pw-1",
        "' spaced pw 1 \\n'|' spaced pw 1 '",
        "密码-synthetic-1\\n|密码-synthetic-1"})
    void takesTheTextExactlyLessOneLineEnd(String file, String password) throws IOException {
        assertThat(new String(parse(unescape(file)))).isEqualTo(password);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {"''|empty", "\\n|empty",
        "one\\ntwo\\n|more than one line", "pw\\n\\n|more than one line"})
    void refusesWhatIsNotOnePassword(String file, String why) {
        assertThatThrownBy(() -> parse(unescape(file))).isInstanceOf(IOException.class).hasMessageContaining(why)
                .hasMessageNotContaining("two");
    }

    @Test
    void refusesTextThatIsNotUtf8OrTooLong() {
        assertThatThrownBy(() -> PasswordFile.parse(new byte[] {(byte) 0xff, 'a'}, "test input"))
                .hasMessageContaining("not UTF-8");
        byte[] big = new byte[PasswordFile.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> PasswordFile.read(new ByteArrayInputStream(big)))
                .hasMessageContaining("more than " + PasswordFile.MAX_BYTES + " bytes");
    }

    @Test
    void refusesAFileEveryUserCanReadAndFlagsOneItsGroupCanRead() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("pw");
        Files.writeString(file, "synthetic-pw-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PasswordFile.read(file)).hasMessageContaining("can be read by every user")
                .hasMessageContaining("chmod 600").hasMessageNotContaining("synthetic-pw-1");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(PasswordFile.groupCanRead(file)).isTrue();
        assertThat(new String(PasswordFile.read(file))).isEqualTo("synthetic-pw-1");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(PasswordFile.groupCanRead(file)).isFalse();
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> PasswordFile.read(dir.resolve("absent"))).hasMessageContaining("no password file")
                .hasMessageContaining("absent");
    }
}
