package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.app.AppPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An option for a setting IT locked is a usage error (64) for every command that reads the configuration. */
class LockedOptionExitTest {
    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void lockTheEndpoint() throws IOException {
        Path machine = Files.writeString(dir.resolve("machine.json"),
                "{\"endpoint\": \"https://verify.example.gov.cn/gw/\", \"accountId\": \"H310104-0001\","
                        + " \"locked\": [\"endpoint\"]}");
        before = System.getProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
        System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, machine.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(AppPaths.MACHINE_CONFIG_PROPERTY);
        } else {
            System.setProperty(AppPaths.MACHINE_CONFIG_PROPERTY, before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"check --name 张美玲 --id 310105197609200064", "test-connection", "secret status",
            "audit stats"})
    void isAUsageError(String command) throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), "{}");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--config", config.toString(), "--audit-db", dir.resolve("audit.db").toString(),
                "--endpoint", "https://other.example.org/gw/"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).as("%s", err).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString()).contains("--endpoint", "\"endpoint\"", "hospital IT locked");
        assertThat(dir.resolve("audit.db")).doesNotExist();
    }
}
