package com.waiverdesk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads and atomically writes {@code supervisor.json}: the passphrase's salted hash and the lock-out counters, kept
 * beside the audit database so every window sharing that database shares one credential.
 */
final class CredentialFile {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int FORMAT = 1;
    /** Beyond this a file would make every login take minutes: it was not written by this program. */
    private static final int MAX_ITERATIONS = 10_000_000;

    /** What the file holds; {@code lockedUntil} is {@code null} when not locked. */
    record State(int iterations, byte[] salt, byte[] hash, int failedAttempts, Instant lockedUntil) {
        State withFailures(int failures, Instant until) {
            return new State(iterations, salt, hash, failures, until);
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    CredentialFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Optional<State> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw damaged("it is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw damaged("it holds no JSON object");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw damaged("unknown \"format\" (expected " + FORMAT + ")");
        }
        if (!ALGORITHM.equals(root.path("algorithm").asText())) {
            throw damaged("unknown \"algorithm\" (expected " + ALGORITHM + ")");
        }
        int iterations = root.path("iterations").asInt(-1);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw damaged("\"iterations\" is missing or out of range");
        }
        byte[] salt = base64(root, "salt");
        byte[] hash = base64(root, "hash");
        if (salt.length < 16 || hash.length < 32) {
            throw damaged("\"salt\" or \"hash\" is too short");
        }
        int failures = root.path("failedAttempts").asInt(-1);
        if (failures < 0) {
            throw damaged("\"failedAttempts\" is missing or negative");
        }
        return Optional.of(new State(iterations, salt, hash, failures, lockedUntil(root)));
    }

    /** Replaces the file in one step, so a crash leaves the old or the new credential, never half of one. */
    void write(State state) throws IOException {
        PrivateFiles.replace(file, ".supervisor", bytes(state));
    }

    /**
     * Writes a first credential unless one appeared meanwhile: two windows setting the passphrase at once must not
     * silently overwrite each other.
     *
     * @return false when another window set it first
     */
    boolean create(State state) throws IOException {
        Path tmp = PrivateFiles.writeTemp(file, ".supervisor", bytes(state));
        try {
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException lost) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(tmp, file);
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    boolean delete() throws IOException {
        return Files.deleteIfExists(file);
    }

    private byte[] bytes(State state) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("algorithm", ALGORITHM);
        root.put("iterations", state.iterations());
        root.put("salt", Base64.getEncoder().encodeToString(state.salt()));
        root.put("hash", Base64.getEncoder().encodeToString(state.hash()));
        root.put("failedAttempts", state.failedAttempts());
        root.put("lockedUntil", state.lockedUntil() == null ? null : state.lockedUntil().toString());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private byte[] base64(JsonNode root, String field) throws IOException {
        try {
            return Base64.getDecoder().decode(root.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            throw damaged("\"" + field + "\" is not Base64");
        }
    }

    private Instant lockedUntil(JsonNode root) throws IOException {
        JsonNode node = root.path("lockedUntil");
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw damaged("\"lockedUntil\" is not a time");
        }
    }

    private IOException damaged(String why) {
        return new IOException("The supervisor passphrase file " + file + " is damaged: " + why
                + ". Hospital IT can reset the passphrase with `waiverdesk audit reset-passphrase`.");
    }
}
