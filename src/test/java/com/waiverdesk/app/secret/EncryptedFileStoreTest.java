package com.waiverdesk.app.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted-file fallback: what it keeps, what it refuses, and what it leaves on disk. */
class EncryptedFileStoreTest {
    private static final String KEY = "waiverdesk:H310104-0001@verify.example.gov.cn";
    private static final String OTHER_KEY = "waiverdesk:H310104-0002@verify.example.gov.cn";
    private static final byte[] SECRET = "synthetic-secret-4f9a1c".getBytes(StandardCharsets.UTF_8);
    private static final MachineBinding HERE = new MachineBinding("machine-a".getBytes(StandardCharsets.US_ASCII),
            "test machine a");
    private static final MachineBinding ELSEWHERE = new MachineBinding(
            "machine-b".getBytes(StandardCharsets.US_ASCII), "test machine b");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private EncryptedFileStore store() {
        return new EncryptedFileStore(dir, HERE);
    }

    private Path secretsFile() {
        return dir.resolve(EncryptedFileStore.SECRETS_FILE);
    }

    private ObjectNode fileJson() throws IOException {
        return (ObjectNode) json.readTree(secretsFile().toFile());
    }

    private void rewrite(ObjectNode root) throws IOException {
        Files.write(secretsFile(), json.writeValueAsBytes(root));
    }

    @Test
    void readsBackWhatItWroteAndNothingForAnotherAccount() throws Exception {
        store().write(KEY, SECRET);

        assertThat(new EncryptedFileStore(dir, HERE).read(KEY)).hasValueSatisfying(
                read -> assertThat(read).isEqualTo(SECRET));
        assertThat(store().read(OTHER_KEY)).isEmpty();
    }

    @Test
    void nothingStoredYetReadsEmpty() throws Exception {
        assertThat(store().read(KEY)).isEmpty();
        assertThat(store().delete(KEY)).isFalse();
    }

    @Test
    void keepsAccountsApartAndReplacesOnlyTheOneWritten() throws Exception {
        byte[] other = "another-synthetic-secret".getBytes(StandardCharsets.UTF_8);
        byte[] replaced = "replaced-synthetic-secret".getBytes(StandardCharsets.UTF_8);
        store().write(KEY, SECRET);
        store().write(OTHER_KEY, other);
        store().write(KEY, replaced);

        assertThat(store().read(KEY)).hasValueSatisfying(read -> assertThat(read).isEqualTo(replaced));
        assertThat(store().read(OTHER_KEY)).hasValueSatisfying(read -> assertThat(read).isEqualTo(other));
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        store().write(KEY, SECRET);
        String first = fileJson().path("entries").path(KEY).path("nonce").asText();
        String firstData = fileJson().path("entries").path(KEY).path("data").asText();
        store().write(KEY, SECRET);

        assertThat(fileJson().path("entries").path(KEY).path("nonce").asText()).isNotEqualTo(first);
        assertThat(fileJson().path("entries").path(KEY).path("data").asText()).isNotEqualTo(firstData);
    }

    @Test
    void deleteRemovesTheEntry() throws Exception {
        store().write(KEY, SECRET);
        store().write(OTHER_KEY, SECRET);

        assertThat(store().delete(KEY)).isTrue();
        assertThat(store().read(KEY)).isEmpty();
        assertThat(store().delete(KEY)).isFalse();
        assertThat(store().read(OTHER_KEY)).isPresent();
    }

    @Test
    void filesCopiedToAnotherMachineDoNotDecrypt() throws Exception {
        store().write(KEY, SECRET);

        assertThatThrownBy(() -> new EncryptedFileStore(dir, ELSEWHERE).read(KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("another computer")
                .hasMessageContaining("waiverdesk secret set");
    }

    @Test
    void aReplacedKeyFileIsToldApartFromTampering() throws Exception {
        store().write(KEY, SECRET);
        Files.writeString(dir.resolve(EncryptedFileStore.KEY_FILE), "ab".repeat(KeyFile.LENGTH) + "\n");

        assertThatThrownBy(() -> store().read(KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("another key file");
    }

    @Test
    void aMissingKeyFileSaysSo() throws Exception {
        store().write(KEY, SECRET);
        Files.delete(dir.resolve(EncryptedFileStore.KEY_FILE));

        assertThatThrownBy(() -> store().read(KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("key file")
                .hasMessageContaining("is missing");
    }

    @Test
    void alteredCiphertextIsRefusedNotDecryptedWrongly() throws Exception {
        store().write(KEY, SECRET);
        ObjectNode root = fileJson();
        ObjectNode entry = (ObjectNode) root.path("entries").path(KEY);
        byte[] data = Base64.getDecoder().decode(entry.path("data").asText());
        data[0] ^= 0x01;
        entry.put("data", Base64.getEncoder().encodeToString(data));
        rewrite(root);

        assertThatThrownBy(() -> store().read(KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void anEntryMovedToAnotherAccountDoesNotDecrypt() throws Exception {
        store().write(KEY, SECRET);
        ObjectNode root = fileJson();
        ObjectNode entries = (ObjectNode) root.get("entries");
        entries.set(OTHER_KEY, entries.get(KEY).deepCopy());
        rewrite(root);

        assertThatThrownBy(() -> store().read(OTHER_KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("altered");
        assertThat(store().read(KEY)).isPresent();
    }

    @Test
    void aDamagedFileIsAClearErrorAndSettingTheSecretAgainRepairsIt() throws Exception {
        store().write(KEY, SECRET);
        Files.writeString(secretsFile(), "{\"format\": 1, \"entr");

        assertThatThrownBy(() -> store().read(KEY))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining(secretsFile().toString());

        store().write(KEY, SECRET);
        assertThat(store().read(KEY)).hasValueSatisfying(read -> assertThat(read).isEqualTo(SECRET));
    }

    @Test
    void bothFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
        store().write(KEY, SECRET);
        store().write(OTHER_KEY, SECRET);

        for (String name : List.of(EncryptedFileStore.SECRETS_FILE, EncryptedFileStore.KEY_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void writesReplaceTheFileInOneStepAndLeaveNoTemporaryFiles() throws Exception {
        store().write(KEY, SECRET);
        Path oldVersion = dir.resolve("old-link");
        Files.createLink(oldVersion, secretsFile());
        byte[] before = Files.readAllBytes(oldVersion);

        store().write(OTHER_KEY, SECRET);

        // a write in place would have changed the linked file too; a rename leaves the old one whole
        assertThat(Files.readAllBytes(oldVersion)).isEqualTo(before);
        assertThat(Files.readAllBytes(secretsFile())).isNotEqualTo(before);
        Files.delete(oldVersion);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).collect(Collectors.toList()))
                    .containsExactlyInAnyOrder(EncryptedFileStore.SECRETS_FILE, EncryptedFileStore.KEY_FILE);
        }
    }

    @Test
    void noFileHoldsTheSecretInAnyPlainEncoding() throws Exception {
        store().write(KEY, SECRET);
        store().write(OTHER_KEY, SECRET);
        store().read(KEY);

        String hex = HexFormat.of().formatHex(SECRET);
        String base64 = Base64.getEncoder().encodeToString(SECRET);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1))
                        .doesNotContainIgnoringCase(hex).doesNotContain(base64)
                        .doesNotContain(base64.substring(0, base64.length() - 2));
            }
        }
    }

    @Test
    void anEmptySecretIsNotStored() {
        assertThatThrownBy(() -> store().write(KEY, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(secretsFile())).isFalse();
    }

    @Test
    void describesItselfByItsFilesAndBindingNeverTheSecret() throws Exception {
        store().write(KEY, SECRET);

        assertThat(store().description()).contains(secretsFile().toString(), "test machine a")
                .doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
    }
}
