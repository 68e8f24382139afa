package com.waiverdesk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The mock starts on a free or given loopback port with a usable account, and stops cleanly. */
class MockLifecycleTest {

    @Test
    void demoStartsOnAFreeLoopbackPortWithAFreshSecret() throws IOException {
        try (MockVerificationService first = MockVerificationService.startDemo();
             MockVerificationService second = MockVerificationService.startDemo()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.baseUrl()).isEqualTo("http://127.0.0.1:" + first.port() + "/");
            assertThat(first.accountId()).isEqualTo(MockAccount.DEMO_ID);
            assertThat(Arrays.equals(first.secret(), second.secret())).isFalse();
            assertThat(first.serviceAccount().secret()).isEqualTo(first.secret());
            assertThat(first.faults().isNone()).isTrue();

            SignedCall health = new SignedCall(first.accountId(), first.secret(), System.currentTimeMillis()).health();
            assertThat(health.send(MockFixture.HTTP, "http://127.0.0.1:" + first.port()).status()).isEqualTo(200);
        }
    }

    @Test
    void theDemoReadsItsRegistryAtTheFirstCheckNotAtStart() throws IOException {
        try (MockVerificationService demo = MockVerificationService.startDemo()) {
            assertThat(demo.isRegistryRead()).as("read at start").isFalse();

            SignedCall check = new SignedCall(demo.accountId(), demo.secret(), System.currentTimeMillis())
                    .body(MockFixture.query("Maria Garcia Lopez", "310112198102120047"));
            SignedCall.Reply reply = check.send(MockFixture.HTTP, "http://127.0.0.1:" + demo.port());

            assertThat(MockFixture.json(reply).path("result").asText()).isEqualTo("MATCH");
            assertThat(demo.isRegistryRead()).isTrue();
        }
    }

    @Test
    void preloadReadsTheDemosRegistryBeforeAnyCheck() throws IOException {
        try (MockVerificationService demo = MockVerificationService.startDemo()) {
            demo.preload();

            assertThat(demo.isRegistryRead()).isTrue();
        }
    }

    @Test
    void refusesAPortInUse() throws IOException {
        try (MockVerificationService taken = MockVerificationService.startDemo()) {
            assertThatThrownBy(() -> MockVerificationService.builder().port(taken.port()).start())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void closeStopsServingAndMayBeCalledTwice() throws IOException {
        MockVerificationService mock = MockVerificationService.startDemo();
        String root = "http://127.0.0.1:" + mock.port();

        mock.close();
        mock.close();

        SignedCall health = new SignedCall(mock.accountId(), mock.secret(), System.currentTimeMillis()).health();
        assertThatThrownBy(() -> health.send(MockFixture.HTTP, root)).isInstanceOf(ConnectException.class);
    }
}
