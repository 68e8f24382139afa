package com.waiverdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConfigOptionsTest {
    private static final String HTTPS = "https://verify.example.gov.cn/gw/";

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        ConfigOptions options = new ConfigOptions();
    }

    @TempDir
    Path dir;

    private AppPaths paths;
    private Path secret;
    private final Map<String, String> env = new HashMap<>(Map.of("HOSTNAME", "ADM-W03"));

    @BeforeEach
    void setUp() throws IOException {
        paths = new AppPaths(dir.resolve("config"), dir.resolve("data"));
        secret = dir.resolve("secret.txt");
        Files.writeString(secret, "not-a-real-secret\n");
    }

    private Config resolve(String... args) throws ConfigException {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options.resolve(paths, env);
    }

    private Path writeConfig(String json) throws IOException {
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile(), json.replace('\'', '"'), StandardCharsets.UTF_8);
        return paths.configFile();
    }

    private String[] withEndpoint(String endpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("--endpoint", endpoint, "--account", "H310104-0001",
                "--secret-file", secret.toString()));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void withoutAFileRunsTheDemoWithDefaults() throws ConfigException {
        Config config = resolve();

        assertThat(config.isDemo()).isTrue();
        assertThat(config.endpoint()).isNull();
        assertThat(config.accountId()).isNull();
        assertThat(config.secretFile()).isNull();
        assertThat(config.operatorId()).isEqualTo(System.getProperty("user.name"));
        assertThat(config.workstation()).isEqualTo("ADM-W03");
        assertThat(config.auditDatabase()).isEqualTo(dir.resolve("data/audit.db"));
        assertThat(config.effectiveAuditKeyFile()).isEqualTo(dir.resolve("data/audit.key"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.autoClear()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(config.standardDeposit()).isNull();
        assertThat(config.policyFile()).isNull();
        assertThat(config.auditKeyFile()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"ADM-W03, , ADM-W03", ", WIN-ADM-07, WIN-ADM-07", "ADM-W03, WIN-ADM-07, WIN-ADM-07",
        "'  ADM-W03 ', '  ', ADM-W03"})
    void workstationComesFromTheEnvironment(String hostname, String computerName, String expected)
            throws ConfigException {
        env.clear();
        if (hostname != null) {
            env.put("HOSTNAME", hostname);
        }
        if (computerName != null) {
            env.put("COMPUTERNAME", computerName);
        }

        assertThat(resolve().workstation()).isEqualTo(expected);
    }

    @Test
    void usesTheFilesValues() throws IOException, ConfigException {
        writeConfig("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': '" + secret + "',"
                + " 'operatorId': 'w03-li', 'workstation': 'ADM-W09', 'auditDatabase': '/srv/wd/audit.db',"
                + " 'auditKeyFile': '/srv/keys/audit.key', 'timeoutMs': 4000, 'standardDeposit': 5000,"
                + " 'policyFile': '/srv/wd/policy.json', 'autoClearSeconds': 45, 'language': 'en'}");

        Config config = resolve();

        assertThat(config).isEqualTo(new Config(HTTPS, "H310104-0001", secret, "w03-li", "ADM-W09",
                Path.of("/srv/wd/audit.db"), Path.of("/srv/keys/audit.key"), Duration.ofMillis(4000),
                new BigDecimal("5000"), Path.of("/srv/wd/policy.json"), Duration.ofSeconds(45), Locale.ENGLISH));
        assertThat(config.isDemo()).isFalse();
        assertThat(config.effectiveAuditKeyFile()).isEqualTo(Path.of("/srv/keys/audit.key"));
    }

    @Test
    void relativePathsInTheFileAreTakenFromItsFolder() throws IOException, ConfigException {
        Files.createDirectories(paths.configFile().getParent());
        Files.writeString(paths.configFile().resolveSibling("secret"), "not-a-real-secret");
        writeConfig("{'endpoint': '" + HTTPS + "', 'accountId': 'H310104-0001', 'secretFile': 'secret',"
                + " 'auditDatabase': 'db/audit.db', 'policyFile': 'policy.json', 'auditKeyFile': 'keys/audit.key'}");
        Path folder = paths.configFile().toAbsolutePath().getParent();

        Config config = resolve();

        assertThat(config.secretFile()).isEqualTo(folder.resolve("secret"));
        assertThat(config.auditDatabase()).isEqualTo(folder.resolve("db/audit.db"));
        assertThat(config.policyFile()).isEqualTo(folder.resolve("policy.json"));
        assertThat(config.auditKeyFile()).isEqualTo(folder.resolve("keys/audit.key"));
    }

    @Test
    void commandLineOverridesTheFile() throws IOException, ConfigException {
        Path otherSecret = Files.writeString(dir.resolve("other.secret"), "another-not-real-secret");
        writeConfig("{'endpoint': 'https://old.example.gov.cn/', 'accountId': 'OLD', 'secretFile': '" + secret + "',"
                + " 'operatorId': 'w03-li', 'auditDatabase': '/srv/wd/audit.db', 'timeoutMs': 4000,"
                + " 'language': 'en', 'autoClearSeconds': 45, 'standardDeposit': 3000}");

        Config config = resolve("--endpoint", HTTPS, "--account", "H310104-0001", "--secret-file",
                otherSecret.toString(), "--operator", "w07-wang", "--audit-db", "/tmp/desk/audit.db",
                "--timeout-ms", "2500", "--lang", "zh");

        assertThat(config.endpoint()).isEqualTo(HTTPS);
        assertThat(config.accountId()).isEqualTo("H310104-0001");
        assertThat(config.secretFile()).isEqualTo(otherSecret);
        assertThat(config.operatorId()).isEqualTo("w07-wang");
        assertThat(config.auditDatabase()).isEqualTo(Path.of("/tmp/desk/audit.db"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        // fields without an option keep the file's value
        assertThat(config.autoClear()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.standardDeposit()).isEqualByComparingTo("3000");
    }

    @Test
    void explicitConfigFileMustExist() {
        Path missing = dir.resolve("etc/waiverdesk.json");

        assertThatThrownBy(() -> resolve("--config", missing.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void explicitConfigFileReplacesTheDefaultOne() throws IOException, ConfigException {
        writeConfig("{'operatorId': 'from-default-file'}");
        Path chosen = Files.writeString(dir.resolve("chosen.json"), "{\"operatorId\": \"from-chosen-file\"}");

        assertThat(resolve("--config", chosen.toString()).operatorId()).isEqualTo("from-chosen-file");
    }

    @Test
    void aBadDefaultFileIsStillAnError() throws IOException {
        Path file = writeConfig("{'endpiont': '" + HTTPS + "'}");

        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("endpiont");
    }

    @Test
    void endpointNeedsAnAccount() {
        List<String> args = new ArrayList<>(List.of(withEndpoint(HTTPS)));
        int at = args.indexOf("--account");
        args.subList(at, at + 2).clear();

        assertThatThrownBy(() -> resolve(args.toArray(new String[0])))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("accountId / --account");
    }

    @Test
    void endpointWithoutASecretFileLeavesTheSecretToTheSecretStore() throws Exception {
        Config config = resolve("--endpoint", HTTPS, "--account", "H310104-0001");

        assertThat(config.endpoint()).isEqualTo(HTTPS);
        assertThat(config.accountId()).isEqualTo("H310104-0001");
        assertThat(config.secretFile()).as("read from the store at start, not from a file").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--account=H310104-0001", "--secret-file=SECRET"})
    void accountOrSecretWithoutEndpointIsRefusedRatherThanRunningTheDemo(String option) {
        assertThatThrownBy(() -> resolve(option.replace("SECRET", secret.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no endpoint");
    }

    @Test
    void missingSecretFileIsRefused() {
        secret = dir.resolve("no-such-secret");

        assertThatThrownBy(() -> resolve(withEndpoint(HTTPS)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--secret-file")
                .hasMessageContaining("missing or not readable")
                .hasMessageContaining(secret.toString());
    }

    @Test
    void aFolderIsNotASecretFile() {
        secret = dir;

        assertThatThrownBy(() -> resolve(withEndpoint(HTTPS)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing or not readable");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedNamingTheEndpoint() {
        assertThatThrownBy(() -> resolve(withEndpoint("http://verify.example.gov.cn/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--endpoint")
                .hasMessageContaining("http://verify.example.gov.cn")
                .hasMessageContaining("plain http");
    }

    @Test
    void badEndpointInTheFileNamesFieldAndFile() throws IOException {
        Path file = writeConfig("{'endpoint': 'http://10.0.0.8:8080/', 'accountId': 'H310104-0001',"
                + " 'secretFile': '" + secret + "'}");

        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("field \"endpoint\" in " + file)
                .hasMessageContaining("http://10.0.0.8:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:18080/", "http://localhost:18080/", "https://verify.example.gov.cn/"})
    void acceptsHttpsAndPlainHttpToLoopback(String endpoint) throws ConfigException {
        Config config = resolve(withEndpoint(endpoint));

        assertThat(config.endpoint()).isEqualTo(endpoint);
        assertThat(config.isDemo()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--endpoint= ", "--account=", "--operator=  "})
    void refusesAnEmptyOption(String option) {
        String name = option.substring(0, option.indexOf('='));

        assertThatThrownBy(() -> resolve(option))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(name + " must not be empty");
    }

    @Test
    void auditDbTakesAJdbcUrlOrAPath() throws ConfigException {
        assertThat(resolve("--audit-db", "jdbc:sqlite:/x/y.db").auditDatabase()).isEqualTo(Path.of("/x/y.db"));
        assertThat(resolve("--audit-db", "/x/z.db").auditDatabase()).isEqualTo(Path.of("/x/z.db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:file:/x/y.db?mode=ro", "jdbc:sqlite:/x/y.db?mode=ro",
        "jdbc:mysql://db/audit", "jdbc:sqlite:"})
    void refusesAnAuditDbThatIsNotOneFile(String value) {
        assertThatThrownBy(() -> resolve("--audit-db", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--audit-db")
                .hasMessageContaining("jdbc:sqlite:PATH");
    }

    @Test
    void anAuditServerAddressKeepsTheSpoolInTheDataFolderUnlessOneIsGiven() throws ConfigException {
        String url = "jdbc:postgresql://127.0.0.1:5433/audit?user=desk-07";
        Config config = resolve("--audit-db", url);
        assertThat(config.isAuditServer()).isTrue();
        assertThat(config.auditServer()).isEqualTo(url);
        assertThat(config.auditDatabase()).isEqualTo(paths.dataDir().resolve("audit-spool.db"));
        assertThat(resolve("--audit-db", url, "--audit-spool", "/x/spool.db").auditDatabase())
                .isEqualTo(Path.of("/x/spool.db"));
        assertThat(resolve("--audit-db", "/x/z.db").isAuditServer()).isFalse();
    }

    @Test
    void anAuditServerFromTheFileTakesTheFilesSpool() throws Exception {
        writeConfig("{'auditDatabase': 'jdbc:postgresql://localhost/audit?user=desk-01', 'auditSpool': 'spool/s.db'}");
        Config config = resolve();
        assertThat(config.auditServer()).isEqualTo("jdbc:postgresql://localhost/audit?user=desk-01");
        assertThat(config.auditDatabase()).isEqualTo(paths.configFile().getParent().resolve("spool/s.db"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/audit | names no login",
        "jdbc:postgresql://db.hospital.example/audit?user=d | sslmode=verify-full",
        "jdbc:postgresql://127.0.0.1/audit?user=d&password=synthetic | must not carry password="})
    void refusesAnAuditServerAddressItCannotUseSafely(String value, String why) {
        assertThatThrownBy(() -> resolve("--audit-db", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Audit database (--audit-db)")
                .hasMessageContaining(why)
                .hasMessageNotContaining("synthetic");
    }

    @ParameterizedTest
    @CsvSource({"en, en", "EN, en", "zh, zh", "zh-CN, zh"})
    void languageIsZhOrEn(String option, String language) throws ConfigException {
        assertThat(resolve("--lang", option).locale().getLanguage()).isEqualTo(language);
    }

    @Test
    void refusesAnotherLanguage() {
        assertThatThrownBy(() -> resolve("--lang", "fr"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--lang")
                .hasMessageContaining("use zh or en");
    }

    @Test
    void refusesAnotherLanguageInTheFileNamingFieldAndFile() throws IOException {
        Path file = writeConfig("{'language': 'fr'}");

        assertThatThrownBy(this::resolve).hasMessageContaining("field \"language\" in " + file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void refusesATimeoutThatIsNotPositive(String value) {
        assertThatThrownBy(() -> resolve("--timeout-ms", value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--timeout-ms");
    }

    @Test
    void auditKeyFileSitsBesideTheDatabaseUnlessConfigured() throws IOException, ConfigException {
        Path db = dir.resolve("shared/audit.db");
        assertThat(resolve("--audit-db", db.toString()).effectiveAuditKeyFile())
                .isEqualTo(dir.resolve("shared/audit.key"));

        writeConfig("{'auditKeyFile': '/srv/keys/desk.key'}");
        assertThat(resolve("--audit-db", db.toString()).effectiveAuditKeyFile())
                .isEqualTo(Path.of("/srv/keys/desk.key"));
    }
}
