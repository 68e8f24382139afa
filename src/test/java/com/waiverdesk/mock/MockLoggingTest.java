package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The mock logs what happened to each request, but never a name, a full ID or the secret. */
class MockLoggingTest {

    @Test
    void logsNoNameIdOrSecret() throws IOException {
        Logger logger = Logger.getLogger("com.waiverdesk.mock");
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try (MockFixture fixture = new MockFixture(MockVerificationService.builder()
                .faults(FaultSpec.parse("malformed=0.5,seed=3")))) {
            for (DemoQuery demo : MockFixture.REGISTRY.demoQueries()) {
                fixture.send(fixture.verify(demo.name(), demo.idNumber()));
            }
            fixture.send(fixture.verify("王秀英", "310101195203140027"));
            String secret = new String(fixture.account.secret(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(lines).anyMatch(l -> l.contains("verification -> 200"));
            assertThat(lines).as("a reply without an error code logs none, not the word null")
                    .noneMatch(l -> l.contains(" null "));
            for (DemoQuery demo : MockFixture.REGISTRY.demoQueries()) {
                assertThat(lines).noneMatch(l -> l.contains(demo.idNumber()) || l.contains(demo.name()));
            }
            assertThat(lines).noneMatch(l -> l.contains("310101195203140027") || l.contains(secret));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }
}
