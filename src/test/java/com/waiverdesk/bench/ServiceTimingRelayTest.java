package com.waiverdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waiverdesk.domain.PersonName;
import com.waiverdesk.domain.ResidentId;
import com.waiverdesk.domain.VerificationOutcome;
import com.waiverdesk.mock.MockVerificationService;
import com.waiverdesk.verification.HttpVerificationClient;
import com.waiverdesk.verification.ServiceAccount;
import com.waiverdesk.verification.VerificationHttp;
import com.waiverdesk.verification.VerificationRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** bench desk subtracts what the relay reads of the mock's time: it must read the mock's own figure, once a check. */
class ServiceTimingRelayTest {
    @Test
    void readsTheServiceTimeFromTheRepliesHeaderWhateverItsCase() {
        String reply = "HTTP/1.1 200 OK\r\nDate: Sun, 06 Dec 2026 04:00:00 GMT\r\nServer-timing: app;dur=1.234\r\n"
                + "Content-type: application/json\r\n\r\n{}";
        assertThat(ServiceTimingRelay.serverTiming(reply)).isEqualTo(1.234, within(1e-9));
        assertThat(ServiceTimingRelay.serverTiming("HTTP/1.1 200 OK\r\nSERVER-TIMING: app;dur=0.5, db;dur=3\r\n\r\n"))
                .isEqualTo(0.5, within(1e-9));
        assertThat(ServiceTimingRelay.serverTiming("HTTP/1.1 200 OK\r\nContent-length: 2\r\n\r\n{}")).isNaN();
    }

    @Test
    void timesVerificationsAndStatusCallsButNotTheListFetchesOrAPathInAHeader() {
        assertThat(ServiceTimingRelay.isTimed("POST /api/v1/assistance/verifications HTTP/1.1\r\nHost: x\r\n"))
                .isTrue();
        assertThat(ServiceTimingRelay.isTimed("POST /api/v1/ecert/status HTTP/1.1\r\nHost: x\r\n")).isTrue();
        assertThat(ServiceTimingRelay.isTimed("POST /api/v1/ecert/status HTTP/1.1")).isTrue();
        assertThat(ServiceTimingRelay.isTimed("GET /api/v1/ecert/trust-list HTTP/1.1\r\n")).isFalse();
        assertThat(ServiceTimingRelay.isTimed("GET /api/v1/health HTTP/1.1\r\nReferer: /ecert/status\r\n"))
                .isFalse();
    }

    @Test
    void relaysAVerificationUnchangedAndNotesTheMocksTimeOnce() throws Exception {
        try (MockVerificationService mock = MockVerificationService.builder().start();
             ServiceTimingRelay relay = ServiceTimingRelay.start(mock.port())) {
            ServiceAccount direct = mock.serviceAccount();
            HttpVerificationClient client = new HttpVerificationClient(VerificationHttp.newLoopbackClient(),
                    new ObjectMapper(), new ServiceAccount(relay.baseUrl(), direct.accountId(), direct.secret()));

            VerificationOutcome outcome = client.verify(new VerificationRequest(UUID.randomUUID().toString(),
                    PersonName.parse(DeskProbe.DEMO_NAME), ResidentId.parse(DeskProbe.DEMO_ID, LocalDate.now()),
                    "bench", ""));

            assertThat(outcome.isAnswered()).as("the signed request passed the relay unchanged").isTrue();
            List<ServiceTimingRelay.Timing> timings = relay.take();
            assertThat(timings).hasSize(1);
            assertThat(timings.get(0).serviceMillis()).isPositive()
                    .isLessThanOrEqualTo(timings.get(0).upstreamMillis());
            assertThat(relay.take()).as("taken once").isEmpty();
        }
    }
}
