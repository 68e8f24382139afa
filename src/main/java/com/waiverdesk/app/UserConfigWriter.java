package com.waiverdesk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Saves settings into the per-user configuration file: only the fields it is given change, every other field stays
 * as it was, the file is replaced in one step (a crash leaves the old or the new file, never half of one), it is
 * readable by its owner only, and a field IT locked is refused. The result is read back with the same strict reader
 * as at start before it replaces the old file, so the settings screen can never save a file the desk would refuse.
 */
public final class UserConfigWriter {
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param changes field name to new value ({@code String}, {@code Integer}, {@code BigDecimal} or a
     *                {@code List<String>}), or to {@code null} to remove the field
     * @param locked  the fields hospital IT locked in the machine-wide file
     * @throws ConfigException a locked field is among the changes, the present file cannot be read, or the result
     *                         would not be a valid configuration; the message names the file and the field
     */
    public void write(Path file, Map<String, ?> changes, Collection<String> locked) throws ConfigException {
        TreeSet<String> refused = new TreeSet<>(changes.keySet());
        refused.retainAll(locked);
        if (!refused.isEmpty()) {
            throw new ConfigException(file + ": not saved: field(s) " + String.join(", ", refused)
                    + " are locked by hospital IT in the machine-wide configuration");
        }
        ObjectNode root = current(file);
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            if (!ConfigFile.FIELDS.contains(change.getKey())) {
                throw new IllegalArgumentException("not a configuration field: " + change.getKey());
            }
            put(root, change.getKey(), change.getValue());
        }
        try {
            Path tmp = PrivateFiles.writeTemp(file, ".config",
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                checkReadable(tmp, file);
                PrivateFiles.moveOver(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot save the configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The present file as written, unknown-to-us formatting aside; it must pass the strict reader first. */
    private ObjectNode current(Path file) throws ConfigException {
        if (!Files.exists(file)) {
            return json.createObjectNode();
        }
        ConfigFile.read(file, true);
        try {
            JsonNode root = json.readTree(file.toFile());
            return (ObjectNode) root;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new ConfigException("Configuration file " + file + " changed while it was being saved", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void put(ObjectNode root, String field, Object value) {
        if (value == null) {
            root.remove(field);
        } else if (value instanceof String text) {
            root.put(field, text);
        } else if (value instanceof Integer number) {
            root.put(field, number);
        } else if (value instanceof BigDecimal amount) {
            root.put(field, amount);
        } else if (value instanceof List<?> list) {
            var array = root.putArray(field);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else {
            throw new IllegalArgumentException(field + ": cannot save a " + value.getClass().getSimpleName());
        }
    }

    /** The message names the real file, not the temporary one beside it. */
    private static void checkReadable(Path tmp, Path file) throws ConfigException {
        try {
            ConfigFile.read(tmp, true);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage().replace(tmp.toString(), file.toString()) + " (not saved)", e);
        }
    }
}
