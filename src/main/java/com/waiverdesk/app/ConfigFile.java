package com.waiverdesk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON configuration file strictly: an unknown or mistyped field is an error naming that field, so a
 * typo in a hospital's file is found at start and not silently ignored. The schema is documented in
 * {@code docs/configuration.md}.
 */
final class ConfigFile {
    static final Set<String> FIELDS = Set.of("endpoint", "accountId", "secretFile", "operatorId", "workstation",
            "auditDatabase", "auditKeyFile", "timeoutMs", "standardDeposit", "policyFile", "autoClearSeconds",
            "language");

    private ConfigFile() {
    }

    /**
     * The file's values by field name, with text and numbers as parsed; empty if {@code required} is false and the
     * file is absent (then Jackson is not even loaded, which keeps the demo's start fast).
     */
    static Map<String, Object> read(Path file, boolean required) throws ConfigException {
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            root = new ObjectMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new ConfigException("Configuration file not found: " + file);
            }
            return Map.of();
        } catch (JsonProcessingException e) {
            throw new ConfigException("Configuration file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("Configuration file " + file + " must hold one JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode node = field.getValue();
            if (!FIELDS.contains(name)) {
                throw new ConfigException(file + ": unknown field \"" + name + "\" (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
            if (node.isNull()) {
                continue;
            }
            values.put(name, valueOf(file, name, node));
        }
        return values;
    }

    private static Object valueOf(Path file, String name, JsonNode node) throws ConfigException {
        switch (name) {
            case "timeoutMs":
            case "autoClearSeconds":
                if (!node.isIntegralNumber() || node.asLong() <= 0 || !node.canConvertToInt()) {
                    throw new ConfigException(file + ": field \"" + name + "\" must be a positive whole number");
                }
                return node.asInt();
            case "standardDeposit":
                if (!node.isNumber() || node.decimalValue().signum() < 0) {
                    throw new ConfigException(file + ": field \"standardDeposit\" must be a number of yuan, 0 or more");
                }
                return new BigDecimal(node.asText());
            default:
                if (!node.isTextual() || node.asText().isBlank()) {
                    throw new ConfigException(file + ": field \"" + name + "\" must be a non-empty text");
                }
                return node.asText().trim();
        }
    }
}
