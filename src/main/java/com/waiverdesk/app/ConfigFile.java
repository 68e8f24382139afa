package com.waiverdesk.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.waiverdesk.verification.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the JSON configuration file strictly: an unknown or mistyped field is an error naming the file and that
 * field, so a typo in a hospital's file is found at start and not silently ignored. The schema is documented in
 * {@code docs/configuration.md}.
 */
final class ConfigFile {
    static final Set<String> FIELDS = Set.of("endpoint", "accountId", "secretFile", "operatorId", "workstation",
            "auditDatabase", "auditSpool", "auditKeyFile", "timeoutMs", "standardDeposit", "policyFile", "autoClearSeconds",
            "language", "caBundle", "certificatePins", "operatorIdMode", "ecertRootKey", "ecertMaxTrustListAgeHours",
            "ecertMaxRevocationAgeHours");
    /** Only in the machine-wide file: the fields a user's file and the command line cannot change. */
    static final String LOCKED = "locked";
    static final String OPERATOR_MODE_OS_USER = "os-user";
    static final String OPERATOR_MODE_ASK = "ask";
    private static final long MAX_BYTES = 1 << 20;

    private ConfigFile() {
    }

    /**
     * The file's values by field name: whole numbers as {@link Integer}, {@code standardDeposit} as an exact
     * {@link java.math.BigDecimal}, {@code certificatePins} as a list of checked pins, everything else as trimmed text; {@code null} values are left out. Empty if
     * {@code required} is false and the file does not exist. A user's file: {@code locked} is refused.
     */
    static Map<String, Object> read(Path file, boolean required) throws ConfigException {
        return read(file, required, false);
    }

    /**
     * As {@link #read(Path, boolean)}; in the machine-wide file ({@code machine}) a {@code locked} array of field
     * names is also allowed and comes back as a sorted {@code List<String>}.
     */
    static Map<String, Object> read(Path file, boolean required, boolean machine) throws ConfigException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException("Configuration file " + file + " is larger than 1 MiB, so not a"
                        + " configuration file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new ConfigException("Configuration file not found: " + file, e);
            }
            return Map.of();
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return values(file, parse(file, bytes), machine);
    }

    private static JsonNode parse(Path file, byte[] bytes) throws ConfigException {
        // a duplicated field or text after the object is as much a mistake as a typo; money is read exactly
        ObjectReader reader = new ObjectMapper().reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            return reader.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("Configuration file " + file + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Map<String, Object> values(Path file, JsonNode root, boolean machine) throws ConfigException {
        if (root == null || root.isMissingNode()) {
            throw new ConfigException("Configuration file " + file + " is empty: it must hold one JSON object,"
                    + " at least {}");
        }
        if (!root.isObject()) {
            throw new ConfigException("Configuration file " + file + " must hold one JSON object, found "
                    + found(root));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (name.equals(LOCKED)) {
                if (!machine) {
                    throw new ConfigException(file + ": field \"" + LOCKED + "\" belongs only in the machine-wide"
                            + " configuration file that hospital IT deploys; remove it from this file");
                }
                values.put(LOCKED, locked(file, field.getValue()));
                continue;
            }
            if (!FIELDS.contains(name)) {
                throw new ConfigException(file + ": unknown field \"" + name + "\" (misspelt?); known fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
            if (!field.getValue().isNull()) {
                values.put(name, valueOf(file, name, field.getValue()));
            }
        }
        return values;
    }

    private static Object valueOf(Path file, String name, JsonNode node) throws ConfigException {
        switch (name) {
            case "timeoutMs":
            case "autoClearSeconds":
            case "ecertMaxTrustListAgeHours":
            case "ecertMaxRevocationAgeHours":
                if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
                    throw fail(file, name, "must be a positive whole number", node);
                }
                return node.intValue();
            case "standardDeposit":
                if (!node.isNumber() || node.decimalValue().signum() < 0) {
                    throw fail(file, name, "must be a number of yuan, 0 or more", node);
                }
                return node.decimalValue();
            case "certificatePins":
                return pins(file, name, node);
            case "operatorIdMode":
                if (!node.isTextual() || !List.of(OPERATOR_MODE_OS_USER, OPERATOR_MODE_ASK)
                        .contains(node.textValue().trim())) {
                    throw fail(file, name, "must be \"" + OPERATOR_MODE_OS_USER + "\" or \"" + OPERATOR_MODE_ASK
                            + "\"", node);
                }
                return node.textValue().trim();
            default:
                if (!node.isTextual() || node.textValue().isBlank()) {
                    throw fail(file, name, "must be a non-empty string", node);
                }
                return node.textValue().trim();
        }
    }

    /** Every unknown name is listed at once, so IT fixes the file in one go. */
    private static List<String> locked(Path file, JsonNode node) throws ConfigException {
        if (!node.isArray()) {
            throw fail(file, LOCKED, "must be an array of field names, e.g. [\"endpoint\", \"accountId\"]", node);
        }
        Set<String> names = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual()) {
                throw fail(file, LOCKED, "must hold only field names (strings)", name);
            }
            String text = name.textValue().trim();
            if (FIELDS.contains(text)) {
                names.add(text);
            } else {
                unknown.add("\"" + text + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": field \"" + LOCKED + "\" names unknown field(s) " + String.join(", ",
                    unknown) + "; known fields: " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        return List.copyOf(names);
    }

    private static List<String> pins(Path file, String name, JsonNode node) throws ConfigException {
        if (!node.isArray()) {
            throw fail(file, name, "must be an array of pins like \"sha256/<base64>\"", node);
        }
        List<String> pins = new ArrayList<>();
        for (JsonNode pin : node) {
            if (!pin.isTextual()) {
                throw fail(file, name, "must hold only strings", pin);
            }
            try {
                TlsSettings.checkPin(pin.textValue().trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": field \"" + name + "\": " + e.getMessage(), e);
            }
            pins.add(pin.textValue().trim());
        }
        return List.copyOf(pins);
    }

    private static ConfigException fail(Path file, String name, String problem, JsonNode node) {
        return new ConfigException(file + ": field \"" + name + "\" " + problem + ", found " + found(node));
    }

    private static String found(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isArray() ? "an array" : node.toString();
    }
}
