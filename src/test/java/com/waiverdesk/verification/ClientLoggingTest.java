package com.waiverdesk.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's log lines say enough to trace a check and nothing about the person or the account secret. */
class ClientLoggingTest {
    private final Logger packageLogger = Logger.getLogger("com.waiverdesk.verification");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;
    private ServiceStub stub;

    @BeforeEach
    void start() throws Exception {
        previousLevel = packageLogger.getLevel();
        packageLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        packageLogger.addHandler(capture);
        stub = new ServiceStub();
    }

    @AfterEach
    void stop() {
        stub.close();
        packageLogger.removeHandler(capture);
        packageLogger.setLevel(previousLevel);
    }

    @Test
    void oneInfoLinePerCheckWithRequestIdTriesAndOutcomeButNoPersonalData() {
        stub.enqueue(ServiceStub.error(503, "UPSTREAM"), ServiceStub.answer("MATCH",
                "[{\"category\":\"SUBSISTENCE_ALLOWANCE\",\"validFrom\":\"2026-01-01\",\"validUntil\":null}]"));

        stub.client().verify(ServiceStub.request());

        List<String> info = records.stream().filter(r -> r.getLevel() == Level.INFO).map(this::text)
                .collect(Collectors.toList());
        assertThat(info).singleElement().satisfies(line -> assertThat(line)
                .contains(ServiceStub.REQUEST_ID, "MATCH", "2 tries").doesNotContain("310104"));
        assertNoPersonalData();
    }

    @Test
    void failedCheckLogsTheFailureAndTheReasonWithoutValues() {
        stub.enqueue(ServiceStub.json(200, "{\"requestId\":\"" + ServiceStub.REQUEST_ID + "\",\"result\":\""
                + ServiceStub.NAME + "\",\"assistance\":[],\"checkedAt\":\"2026-11-28T12:00:00+08:00\"}"));

        stub.client().verify(ServiceStub.request());

        assertThat(records.stream().filter(r -> r.getLevel() == Level.INFO).map(this::text))
                .singleElement().satisfies(line -> assertThat(line).contains("MALFORMED_REPLY", "result"));
        assertNoPersonalData();
    }

    private void assertNoPersonalData() {
        String secret = new String(ServiceStub.SECRET, StandardCharsets.UTF_8);
        assertThat(records).isNotEmpty();
        for (LogRecord r : records) {
            assertThat(text(r)).doesNotContain(ServiceStub.NAME, ServiceStub.ID_NUMBER, secret);
        }
    }

    private String text(LogRecord r) {
        return new SimpleFormatter().formatMessage(r);
    }
}
