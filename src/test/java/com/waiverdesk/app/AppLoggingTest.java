package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLoggingTest {
    private static final System.Logger LOG = System.getLogger("com.waiverdesk.app.AppLoggingTest");

    @TempDir
    Path dir;

    @Test
    void writesOneUtf8LinePerRecordWithTimeLevelLoggerAndMessage() throws IOException {
        Path logs = dir.resolve("state/logs");
        try (AppLogging logging = AppLogging.install(logs)) {
            assertThat(logging.isWritingFiles()).isTrue();
            LOG.log(System.Logger.Level.WARNING, "服务 slow: {0} ms", 1200);
        }

        List<String> lines = Files.readAllLines(AppLogging.pathOf(logs, 0), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARNING "
                        + "com\\.waiverdesk\\.app\\.AppLoggingTest: 服务 slow: 1,?200 ms");
    }

    @Test
    void keepsAnExceptionAndItsCauseOnTheSameLine() throws IOException {
        try (AppLogging logging = AppLogging.install(dir)) {
            LOG.log(System.Logger.Level.ERROR, "audit write failed",
                    new IOException("disk full", new IllegalStateException("inner")));
        }

        List<String> lines = Files.readAllLines(AppLogging.pathOf(dir, 0), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(" SEVERE ", "audit write failed | java.io.IOException: disk full",
                "Caused by: java.lang.IllegalStateException: inner", "AppLoggingTest");
    }

    @Test
    void honoursTheLevelOfTheDesksLoggers() throws IOException {
        try (AppLogging logging = AppLogging.install(dir, Level.FINE)) {
            LOG.log(System.Logger.Level.DEBUG, "shown at fine");
            LOG.log(System.Logger.Level.TRACE, "hidden at finer");
        }
        try (AppLogging logging = AppLogging.install(dir)) {
            LOG.log(System.Logger.Level.DEBUG, "hidden at info");
        }

        String text = Files.readString(AppLogging.pathOf(dir, 0), StandardCharsets.UTF_8);
        assertThat(text).contains("shown at fine").doesNotContain("hidden at");
    }

    @Test
    void unusableFolderFallsBackToStderrWithOneWarning() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the folder should be");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AppLogging logging;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging = AppLogging.install(notAFolder.resolve("sub"));
            logging.close();
        } finally {
            System.setErr(err);
        }

        assertThat(logging.isWritingFiles()).isFalse();
        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .singleElement().asString().contains("cannot write logs to", "console only");
    }
}
