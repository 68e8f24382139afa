package com.waiverdesk.audit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit server addresses IT may write, and the ones refused before any connection is tried. */
class ServerUrlTest {
    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://127.0.0.1:5433/audit?user=desk01, 127.0.0.1, 5433, audit, desk01",
        "jdbc:postgresql://localhost/audit?user=desk01, localhost, 5432, audit, desk01",
        "jdbc:postgresql://[::1]:6000/audit?user=d, [::1], 6000, audit, d",
        "jdbc:postgresql://audit.hospital.example:5432/audit?user=desk01&sslmode=verify-full&sslrootcert=/etc/ca.pem,"
                + " audit.hospital.example, 5432, audit, desk01",
        "JDBC:POSTGRESQL://10.1.2.3/a?sslmode=verify-full&user=x, 10.1.2.3, 5432, a, x",
    })
    void accepted(String url, String host, int port, String db, String user) {
        ServerUrl parsed = ServerUrl.parse(url);
        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.database()).isEqualTo(db);
        assertThat(parsed.user()).isEqualTo(user);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://10.1.2.3/audit?user=desk01",
        "jdbc:postgresql://audit.hospital.example/audit?user=desk01&sslmode=require",
        "jdbc:postgresql://audit.hospital.example/audit?user=desk01&sslmode=verify-ca",
        "jdbc:postgresql://localhost.evil.example/audit?user=desk01",
    })
    void aServerElsewhereNeedsVerifiedTls(String url) {
        assertThatThrownBy(() -> ServerUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sslmode=verify-full");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://127.0.0.1/audit?user=desk01&password=hunter2-synthetic",
        "jdbc:postgresql://desk01:hunter2-synthetic@127.0.0.1/audit?user=desk01",
        "jdbc:postgresql://127.0.0.1/audit?user=d&sslpassword=x",
    })
    void aPasswordIsNeverPartOfTheAddress(String url) {
        assertThatThrownBy(() -> ServerUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1/audit", "jdbc:postgresql://127.0.0.1/?user=d",
        "jdbc:postgresql:///audit?user=d", "jdbc:sqlite:/tmp/a.db", "jdbc:postgresql://127.0.0.1/audit?user="})
    void incompleteAddressesAreRefused(String url) {
        assertThatThrownBy(() -> ServerUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void anotherLoginOnTheSameServer() {
        ServerUrl desk = ServerUrl.parse("jdbc:postgresql://127.0.0.1:5433/audit?user=desk01&sslmode=disable");
        ServerUrl sup = desk.withUser("wang.li");
        assertThat(sup.user()).isEqualTo("wang.li");
        assertThat(sup.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/audit?user=wang.li&sslmode=disable");
        assertThat(desk.describe()).isEqualTo("desk01@127.0.0.1:5433/audit");
    }
}
