package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.AuditFilter;
import com.waiverdesk.audit.ProgressListener;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.domain.DecisionKind;
import com.waiverdesk.domain.ResidentId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit export --lang} and the window: the CSV's words follow the configured or the screen's language. */
class SupervisionExportLanguageTest {
    private static final String ID = "310104198507150012";

    @TempDir
    Path dir;

    private Config config(Locale language) {
        return new Config(null, null, null, "w03-li", "ADM-W03", dir.resolve("audit.db"), null,
                Duration.ofSeconds(5), null, null, Duration.ofSeconds(30), language);
    }

    private void oneTimeout() throws Exception {
        try (SqliteAuditLog log = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            log.append(new AuditEntry(Instant.parse("2026-12-06T04:01:05Z"), null, "w03-li", "ADM-W03",
                    ResidentId.mask(ID), null, "王秀英", DecisionKind.CANNOT_VERIFY, null, "SERVICE_FAILED:TIMEOUT",
                    List.of(), null, "req-1", null, 5000));
        }
    }

    @Test
    void theConfiguredLanguageIsTheExportsAsLangSetsIt() throws Exception {
        oneTimeout();
        try (Supervision english = Supervision.open(config(Locale.ENGLISH))) {
            english.exportCsv(AuditFilter.all(), dir.resolve("en.csv"), ProgressListener.NONE);
        }

        String csv = Files.readString(dir.resolve("en.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(",CANNOT_VERIFY,", "SERVICE_FAILED:TIMEOUT", "Could not verify",
                "The service gave no answer: Timed out", ",Timed out,", ",Live query,\r\n");
    }

    @Test
    void theScreensLanguageWinsForAnExportFromTheWindow() throws Exception {
        oneTimeout();
        try (Supervision configuredEnglish = Supervision.open(config(Locale.ENGLISH))) {
            configuredEnglish.exportCsv(AuditFilter.all(), dir.resolve("zh.csv"), Locale.SIMPLIFIED_CHINESE,
                    ProgressListener.NONE);
        }

        String csv = Files.readString(dir.resolve("zh.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("SERVICE_FAILED:TIMEOUT", "无法核验", "平台未给出答复：超时", ",超时,", ",平台实时核验,\r\n")
                .doesNotContain("Timed out");
    }
}
