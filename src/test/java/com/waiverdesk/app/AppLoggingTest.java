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
    void rotatesThroughFiveFilesDroppingTheOldestAndDiagnosticsStillFindTheNewestProblems() throws IOException {
        Path logs = dir.resolve("logs");
        try (AppLogging logging = AppLogging.install(logs, Level.INFO, 4_000)) {
            for (int i = 0; i < 400; i++) {
                LOG.log(System.Logger.Level.WARNING, "record {0} of the rotation test, padded to about a hundred"
                        + " characters", String.format("%03d", i));
            }
        }

        for (int generation = 0; generation < AppLogging.FILE_COUNT; generation++) {
            assertThat(AppLogging.pathOf(logs, generation)).isRegularFile();
            // FileHandler starts the next file once a record has reached the limit: at most one record more
            // (the newest, generation 0, is still filling)
            assertThat(Files.size(AppLogging.pathOf(logs, generation)))
                    .isBetween(generation == 0 ? 1L : 3_800L, 4_000L + 200);
        }
        assertThat(AppLogging.pathOf(logs, AppLogging.FILE_COUNT)).doesNotExist();
        String newest = Files.readString(AppLogging.pathOf(logs, 0), StandardCharsets.UTF_8);
        assertThat(newest).contains("record 399 ");
        String all = String.join("\n", Files.readString(AppLogging.pathOf(logs, 4), StandardCharsets.UTF_8), newest);
        assertThat(all).doesNotContain("record 000 ");
        assertThat(Diagnostics.lastProblems(logs)).hasSize(Diagnostics.MAX_PROBLEM_LINES)
                .last().asString().contains("record 399 ");
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
