package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.audit.server.ServerAdmin;
import com.waiverdesk.audit.server.ServerUrl;
import com.waiverdesk.testing.AuditServerFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IT keeps the deposit policy's versions on the audit server: a desk starting on the server decides with the newest,
 * records its id and the SHA-256 of its bytes in each entry (read back from the server's table), keeps a copy in its
 * spool, and decides with that copy when the server is down at its next start.
 */
class ServerPolicyPgTest {
    private static final String DB = "hospital";
    private static final String OWNER_PW = "owner-synthetic-password";
    private static final String DESK_PW = "desk-synthetic-password";
    private static AuditServerFixture server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void server() throws Exception {
        server = AuditServerFixture.start(DB, OWNER_PW);
        server.init();
        server.addLogin("desk-01", ServerAdmin.Kind.DESK, DESK_PW);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The secret store of a workstation where IT stored the desk login's password. */
    private static SecretStore storeWith(ServerUrl url) {
        Map<String, byte[]> held = new HashMap<>();
        held.put(AuditServerPasswords.key(url), DESK_PW.getBytes(StandardCharsets.UTF_8));
        return new SecretStore() {
            @Override
            public String description() {
                return "test store";
            }

            @Override
            public Optional<byte[]> read(String accountKey) {
                return Optional.ofNullable(held.get(accountKey)).map(byte[]::clone);
            }

            @Override
            public void write(String accountKey, byte[] secret) {
                held.put(accountKey, secret.clone());
            }

            @Override
            public boolean delete(String accountKey) {
                return held.remove(accountKey) != null;
            }
        };
    }

    @Test
    void aDeskDecidesWithThePolicyKeptOnTheServerAndWithItsCopyWhenTheServerIsDown() throws Exception {
        String body;
        try (InputStream in = PolicyLoader.class.getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"shanghai-medical-assistance-2018\"", "\"hospital-7-policy-2026-12\"");
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        server.admin().addPolicy("hospital-7-policy-2026-12", sha, body);

        String url = server.url("desk-01");
        Config config = new Config(null, null, null, "clerk-7", "WS-7", dir.resolve("audit-spool.db"), null,
                Duration.ofSeconds(3), null, null, Duration.ofSeconds(30), Locale.ENGLISH, null, List.of(), false,
                null, url);
        SecretStore store = storeWith(ServerUrl.parse(url));
        try (Desk desk = Wiring.start(config, store)) {
            assertThat(desk.policyId()).isEqualTo("hospital-7-policy-2026-12");
            long seq = desk.check("王秀英", "310101195203140028", "").auditSeq();
            assertThat(seq).isPositive();
            try (Connection c = server.pg().superuserConnection(DB); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT policy_id, policy_sha256, writer FROM waiverdesk.audit_entry"
                         + " WHERE seq = " + seq)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("hospital-7-policy-2026-12");
                assertThat(rs.getString(2)).isEqualTo(sha);
                assertThat(rs.getString(3)).isEqualTo("desk-01");
            }
        }

        server.pg().stopImmediate();
        try (Desk desk = Wiring.start(config, store)) {
            assertThat(desk.policyId()).as("the copy kept in the spool").isEqualTo("hospital-7-policy-2026-12");
            assertThat(desk.check("王秀英", "310101195203140028", "").auditSeq()).as("spooled").isNegative();
        } finally {
            server.pg().restart();
        }
    }
}
