package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.audit.AuditEntry;
import com.waiverdesk.audit.SqliteAuditLog;
import com.waiverdesk.domain.Unprintable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code check} with characters that hide or reorder text, one of each class: nothing of them reaches standard
 * output, standard error, the log (at every level) or the audit log; the check is refused before anything is sent.
 */
class CheckCommandInputTest {
    private static final String NAME = "王秀英";
    private static final String ID = "310101195203140028";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err, List<String> log) {
    }

    private Run check(String name, String id) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{}");
        List<String> log = new CopyOnWriteArrayList<>();
        SimpleFormatter format = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger logger = Logger.getLogger("com.waiverdesk");
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            int exit = Cli.run(new String[] {"check", "--audit-db", dir.resolve("audit.db").toString(),
                "--config", config.toString(), "--name", name, "--id", id},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(exit, out.toString().trim(), err.toString(), log);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }

    private static void assertPrintable(String what, String text) {
        assertThat(text.codePoints().filter(cp -> cp != '\n' && cp != '\r' && cp != '\t'))
                .as(what).noneMatch(Unprintable::is);
    }

    private AuditEntry stored() throws Exception {
        try (SqliteAuditLog audit = SqliteAuditLog.open(dir.resolve("audit.db"))) {
            assertThat(audit.count()).isEqualTo(1);
            return audit.last().orElseThrow().entry();
        }
    }

    @ParameterizedTest(name = "[{index}] U+{0} {1}")
    @CsvSource({
        "0000, NUL (Cc)",
        "001B, escape (Cc)",
        "0085, next line (Cc)",
        "202E, right-to-left override (Cf)",
        "2066, left-to-right isolate (Cf)",
        "200B, zero-width space (Cf)",
        "FEFF, byte order mark (Cf)",
        "E000, private use (Co)",
        "0378, unassigned (Cn)",
    })
    void anInvisibleCharacterInTheNameIsRefusedAndReachesNoOutputLogOrRecord(String hex, String what)
            throws Exception {
        String c = String.valueOf(Character.toChars(Integer.parseInt(hex, 16)));
        Run run = check("王" + c + "秀英", ID);

        assertThat(run.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("reason").asText()).isEqualTo("INVALID_INPUT:NAME_HAS_CONTROL_CHARACTERS");
        assertThat(json.get("requestId").isNull()).as("nothing was sent").isTrue();
        assertPrintable("stdout", run.out());
        assertPrintable("stderr", run.err());
        assertThat(run.log()).as("the check's own log lines were captured").isNotEmpty();
        run.log().forEach(line -> assertPrintable("log", line));
        AuditEntry entry = stored();
        assertThat(entry.name()).isEqualTo("王\uFFFD秀英");
        assertThat(entry.maskedId()).isEqualTo("310101********0028");
    }

    @ParameterizedTest(name = "[{index}] U+{0} {1}")
    @CsvSource({
        "0000, NUL (Cc)",
        "001B, escape (Cc)",
        "0085, next line (Cc)",
        "202E, right-to-left override (Cf)",
        "2066, left-to-right isolate (Cf)",
        "200B, zero-width space (Cf)",
        "FEFF, byte order mark (Cf)",
        "E000, private use (Co)",
        "0378, unassigned (Cn)",
    })
    void anInvisibleCharacterInTheIdIsRefusedAndReachesNoOutputLogOrRecord(String hex, String what)
            throws Exception {
        String c = String.valueOf(Character.toChars(Integer.parseInt(hex, 16)));
        Run run = check(NAME, ID + c);

        assertThat(run.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("reason").asText()).isEqualTo("INVALID_INPUT:ID_HAS_CONTROL_CHARACTERS");
        assertThat(json.get("maskedId").asText()).isEqualTo("310101*********028\uFFFD");
        assertPrintable("stdout", run.out());
        assertPrintable("stderr", run.err());
        assertThat(run.log()).as("the check's own log lines were captured").isNotEmpty();
        run.log().forEach(line -> assertPrintable("log", line));
        AuditEntry entry = stored();
        assertThat(entry.maskedId()).isEqualTo("310101*********028\uFFFD");
        assertThat(entry.name()).isEqualTo(NAME);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"王秀英😀", "王秀英👍🏻"})
    void anEmojiInTheNameIsRefusedBeforeAnythingIsSent(String name) throws Exception {
        Run run = check(name, ID);
        assertThat(run.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("reason").asText()).isEqualTo("INVALID_INPUT:NAME_HAS_SYMBOLS");
        assertThat(json.get("requestId").isNull()).isTrue();
    }
}
