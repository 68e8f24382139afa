package com.waiverdesk.app.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waiverdesk.app.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fallback where no OS credential store is usable: each secret encrypted with AES-256-GCM (the JDK's own
 * {@code javax.crypto}), a fresh random nonce per write and the account key as associated data, so an entry moved to
 * another account's name fails to decrypt. The AES key is derived from a random key file kept beside it and this
 * machine's id ({@link MachineBinding}). What that does and does not protect is in {@code docs/secrets.md}: a program
 * running as the clerk can decrypt it; a copy of the folder on another computer cannot.
 */
public final class EncryptedFileStore implements SecretStore {
    static final String SECRETS_FILE = "secrets.enc.json";
    static final String KEY_FILE = "secrets.key";
    private static final int FORMAT = 1;
    private static final String CIPHER = "AES-256-GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KDF_LABEL = "waiverdesk secrets v1".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger(EncryptedFileStore.class.getName());

    private final Path file;
    private final KeyFile keyFile;
    private final MachineBinding machine;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    /** The store in {@code dir}, bound to this machine. */
    public EncryptedFileStore(Path dir) {
        this(dir, MachineBinding.current());
    }

    EncryptedFileStore(Path dir, MachineBinding machine) {
        this.file = dir.resolve(SECRETS_FILE);
        this.keyFile = new KeyFile(dir.resolve(KEY_FILE));
        this.machine = machine;
    }

    @Override
    public String description() {
        return "encrypted file " + file + " (key in " + keyFile.path() + ", bound to " + machine.source() + ")";
    }

    @Override
    public Kind kind() {
        return Kind.ENCRYPTED_FILE;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Optional<byte[]> read(String accountKey) throws SecretStoreException {
        ObjectNode root = readFile().orElse(null);
        JsonNode entry = root == null ? null : root.path("entries").get(accountKey);
        if (entry == null) {
            return Optional.empty();
        }
        byte[] key = existingKey(accountKey);
        if (!keyCheck(key).equals(root.path("keyCheck").asText())) {
            throw new SecretStoreException("The stored secret for " + accountKey + " in " + file + " was encrypted"
                    + " on another computer, by another user, or with another key file than " + keyFile.path()
                    + ", and cannot be decrypted here. " + setAgain());
        }
        byte[] nonce = base64(entry, "nonce");
        byte[] data = base64(entry, "data");
        if (nonce.length != NONCE_BYTES || data.length <= TAG_BITS / 8) {
            throw damaged("the entry for " + accountKey + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountKey.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(data));
        } catch (AEADBadTagException e) {
            throw new SecretStoreException("The stored secret for " + accountKey + " in " + file + " has been altered"
                    + " or is damaged: it fails its integrity check and is not used. " + setAgain());
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("This Java cannot decrypt " + CIPHER + ": " + e.getClass().getSimpleName(),
                    e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void write(String accountKey, byte[] secret) throws SecretStoreException {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("An empty secret cannot be stored");
        }
        byte[] key;
        try {
            key = derive(keyFile.loadOrCreate());
        } catch (IOException e) {
            throw new SecretStoreException("Cannot create or read the key file " + keyFile.path() + ": "
                    + e.getMessage(), e);
        }
        try {
            ObjectNode root = rootForWrite(key);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountKey.getBytes(StandardCharsets.UTF_8));
            ObjectNode entry = ((ObjectNode) root.get("entries")).putObject(accountKey);
            entry.put("nonce", Base64.getEncoder().encodeToString(nonce));
            entry.put("data", Base64.getEncoder().encodeToString(cipher.doFinal(secret)));
            save(root);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("This Java cannot encrypt " + CIPHER + ": " + e.getClass().getSimpleName(),
                    e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean delete(String accountKey) throws SecretStoreException {
        ObjectNode root = readFile().orElse(null);
        if (root == null || root.path("entries").get(accountKey) == null) {
            return false;
        }
        ((ObjectNode) root.get("entries")).remove(accountKey);
        save(root);
        return true;
    }

    /** The file's content to add to; one made with another key (copied in, key file replaced) is started afresh. */
    private ObjectNode rootForWrite(byte[] key) {
        String check = keyCheck(key);
        try {
            Optional<ObjectNode> existing = readFile();
            if (existing.isPresent() && check.equals(existing.get().path("keyCheck").asText())) {
                return existing.get();
            }
            existing.ifPresent(old -> LOG.log(System.Logger.Level.WARNING, "{0} was made with another key; its {1}"
                    + " entries cannot be decrypted here and are replaced", file, old.path("entries").size()));
        } catch (SecretStoreException damaged) {
            LOG.log(System.Logger.Level.WARNING, "replacing a damaged {0}", file);
        }
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("cipher", CIPHER);
        root.put("keyCheck", check);
        root.putObject("entries");
        return root;
    }

    private Optional<ObjectNode> readFile() throws SecretStoreException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw damaged("it is not valid JSON");
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT
                || !CIPHER.equals(root.path("cipher").asText()) || !root.path("entries").isObject()) {
            throw damaged("it is not a secrets file of format " + FORMAT);
        }
        return Optional.of((ObjectNode) root);
    }

    private void save(ObjectNode root) throws SecretStoreException {
        try {
            PrivateFiles.replace(file, "." + file.getFileName(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] existingKey(String accountKey) throws SecretStoreException {
        try {
            return derive(keyFile.load().orElseThrow(() -> new SecretStoreException("The stored secret for "
                    + accountKey + " in " + file + " cannot be decrypted: its key file " + keyFile.path()
                    + " is missing. " + setAgain())));
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read the key file " + keyFile.path() + ": " + e.getMessage()
                    + ". " + setAgain(), e);
        }
    }

    /** HMAC-SHA256 as the key-derivation function: key file bytes as the key, label and machine id as the input. */
    private byte[] derive(byte[] fileKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fileKey, "HmacSHA256"));
            mac.update(KDF_LABEL);
            mac.update((byte) 0);
            mac.update(machine.value());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    /** A short fingerprint of the AES key, so a wrong key is told apart from an altered entry. */
    private static String keyCheck(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("waiverdesk key check".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private byte[] base64(JsonNode entry, String field) throws SecretStoreException {
        try {
            return Base64.getDecoder().decode(entry.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw damaged("\"" + field + "\" is not Base64");
        }
    }

    private SecretStoreException damaged(String why) {
        return new SecretStoreException("The encrypted secrets file " + file + " is damaged: " + why + ". "
                + setAgain());
    }

    private static String setAgain() {
        return "Set the secret again in the settings screen or with `waiverdesk secret set`.";
    }
}
