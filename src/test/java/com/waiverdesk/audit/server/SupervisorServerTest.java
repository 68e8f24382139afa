package com.waiverdesk.audit.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What the supervisor's tests share: a {@link SupervisorFixture} server of their own per test class. */
abstract class SupervisorServerTest {
    static SupervisorFixture server;

    @BeforeAll
    static void start() throws Exception {
        server = SupervisorFixture.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
