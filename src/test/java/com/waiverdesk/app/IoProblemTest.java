package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoProblemTest {
    @Test
    void namesTheCauseInsteadOfRepeatingThePath() {
        assertThat(IoProblem.of(new AccessDeniedException("/srv/waiverdesk/audit.key")))
                .startsWith("permission denied").doesNotContain("/srv");
        assertThat(IoProblem.of(new NoSuchFileException("/srv/waiverdesk/audit.key")))
                .isEqualTo("no such file or folder");
        assertThat(IoProblem.of(new FileSystemException("/srv/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(IoProblem.of(new FileSystemException("/srv/x"))).isEqualTo("FileSystemException");
        assertThat(IoProblem.of(new IOException("The audit key file /srv/x is malformed")))
                .isEqualTo("The audit key file /srv/x is malformed");
        assertThat(IoProblem.of(new IOException())).isEqualTo("IOException");
    }
}
