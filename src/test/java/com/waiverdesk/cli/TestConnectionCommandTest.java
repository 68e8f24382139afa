package com.waiverdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.waiverdesk.mock.MockAccount;
import com.waiverdesk.mock.MockVerificationService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test-connection} end to end: options and configuration file, the bundled mock, printed steps, exit codes. */
class TestConnectionCommandTest {
    private static final String ACCOUNT = "H310104-0001";
    private static final String SECRET = "synthetic-cli-secret-9c1d";

    @TempDir
    Path dir;
    private MockVerificationService mock;

    private record Run(int exit, String out, String err) {
    }

    @AfterEach
    void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void withoutAnEndpointTestsTheBuiltInDemoAndExitsZero() throws IOException {
        Run run = testConnection("--lang", "en");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("No service URL configured: testing the built-in demo service at"
                + " http://127.0.0.1:").contains("not the municipal service; demo answers are not valid for real"
                + " admissions.", "Signed request: passed", "Diagnosis (code 0)", "Connection works");
    }

    @Test
    void aWrongSecretIsSaidInChineseWithItsOwnExitCodeAndTheSecretNowhere() throws IOException {
        startMock(new MockAccount(ACCOUNT, "the-real-synthetic-secret".getBytes(), true));

        Run run = testConnection("--endpoint", mock.baseUrl(), "--account", ACCOUNT, "--secret-file",
                secretFile(SECRET).toString());

        assertThat(run.exit()).isEqualTo(51);
        assertThat(run.out()).contains("签名请求：通过", "诊断（代码 51）", "密钥与该账户的密钥不一致", "请按市级服务下发的密钥重新填写");
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("the-real-synthetic-secret");
    }

    @Test
    void aDisabledAccountIsToldInEnglishWhatToDo() throws IOException {
        startMock(new MockAccount(ACCOUNT, SECRET.getBytes(), true).disabled());

        Run run = testConnection("--endpoint", mock.baseUrl(), "--account", ACCOUNT, "--secret-file",
                secretFile(SECRET).toString(), "--lang", "en");

        assertThat(run.exit()).isEqualTo(53);
        assertThat(run.out()).contains("What to do: Ask the municipal service to re-enable the account.");
    }

    @Test
    void readsEndpointAccountAndSecretFromTheConfigurationFile() throws IOException {
        startMock(new MockAccount(ACCOUNT, SECRET.getBytes(), true));
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"endpoint\": \"" + mock.baseUrl() + "\", \"accountId\": \"" + ACCOUNT
                + "\", \"secretFile\": \"" + secretFile(SECRET).toString().replace("\\", "\\\\") + "\"}");

        Run run = runCli("test-connection", "--config", config.toString(), "--lang", "en");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Diagnosis (code 0)").doesNotContain(SECRET);
    }

    @Test
    void aRefusedPortHasItsOwnExitCode() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        Run run = testConnection("--endpoint", "http://127.0.0.1:" + port + "/", "--account", ACCOUNT,
                "--secret-file", secretFile(SECRET).toString(), "--lang", "en");

        assertThat(run.exit()).isEqualTo(31);
        assertThat(run.out()).contains("127.0.0.1 port " + port + " refused the connection");
    }

    @Test
    void aMissingSecretFileIsAConfigurationError() throws IOException {
        Run run = testConnection("--endpoint", "http://127.0.0.1:1/", "--account", ACCOUNT, "--secret-file",
                dir.resolve("missing.secret").toString());

        assertThat(run.exit()).isEqualTo(TestConnectionCommand.EXIT_CONFIG);
        assertThat(run.err()).contains("waiverdesk test-connection:", "missing.secret");
    }

    private void startMock(MockAccount account) throws IOException {
        mock = MockVerificationService.builder().account(account).start();
    }

    private Path secretFile(String secret) throws IOException {
        return Files.writeString(dir.resolve("account.secret"), secret + "\n");
    }

    private Run testConnection(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("test-connection", "--config",
                Files.writeString(dir.resolve("empty.json"), "{}").toString()));
        args.addAll(List.of(extra));
        return runCli(args.toArray(String[]::new));
    }

    private static Run runCli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Cli.handles(args)).isTrue();
        int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
