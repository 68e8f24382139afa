package com.waiverdesk.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.waiverdesk.domain.DepositPolicy;
import com.waiverdesk.domain.PaperPolicy;
import com.waiverdesk.domain.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the versioned deposit-policy file (docs/policy-file.md), so that rules change by editing a file with an
 * effective date and a source rather than by changing code; any fault is a {@link PolicyException} naming the field.
 */
public final class PolicyLoader {
    public static final int SCHEMA_VERSION = 1;
    /** The bundled default, beside this class: the Shanghai rule in force since 2018. */
    public static final String DEFAULT_RESOURCE = "default-policy.json";
    private static final long MAX_BYTES = 1 << 20;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> POLICY_FIELDS = Set.of("schemaVersion", "id", "effectiveFrom", "source",
            "categories", "paperCertificates");
    private static final Set<String> PAPER_FIELDS = Set.of("accepted", "maxAgeDays", "whenServiceCannotVerify",
            "whenServiceSaysNo");
    private static final Set<String> PROVISIONAL_FIELDS = Set.of("category", "depositPercent");
    /** The only thing paper may do when the service said no: charge, and refund after an approved review. */
    static final String REFUND_AFTER_REVIEW = "CHARGE_REFUND_AFTER_REVIEW";
    private static final int MAX_PAPER_AGE_DAYS = 3650;
    private static final Set<String> CATEGORY_FIELDS = Set.of("code", "depositPercent", "labels");
    private static final System.Logger LOG = System.getLogger(PolicyLoader.class.getName());

    private final ObjectReader reader;

    /** Uses the program's shared mapper; the stricter reading (duplicate keys, trailing text) does not change it. */
    public PolicyLoader(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The policy bundled with the program. */
    public DepositPolicy loadDefault() throws PolicyException {
        return parse(defaultBytes(), "bundled " + DEFAULT_RESOURCE);
    }

    /** A hospital's own policy file. */
    public DepositPolicy load(Path file) throws PolicyException {
        return parse(fileBytes(file), file.toString());
    }

    /** A policy and the SHA-256 (lower-case hex) of the very bytes it was read from, which audit entries record. */
    public record Loaded(DepositPolicy policy, String sha256) {
    }

    /** The policy file, or the bundled default when {@code file} is {@code null}, with the hash of its bytes. */
    public Loaded loadWithDigest(Path file) throws PolicyException {
        byte[] json = file == null ? defaultBytes() : fileBytes(file);
        return loadWithDigest(json, file == null ? "bundled " + DEFAULT_RESOURCE : file.toString());
    }

    /** A policy from its bytes (a version kept on the audit server), with their hash; {@code origin} names it in errors. */
    public Loaded loadWithDigest(byte[] json, String origin) throws PolicyException {
        if (json.length > MAX_BYTES) {
            throw new PolicyException(origin, null, "larger than 1 MiB, so not a policy file");
        }
        DepositPolicy policy = parse(json, origin);
        try {
            return new Loaded(policy, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] defaultBytes() throws PolicyException {
        String origin = "bundled " + DEFAULT_RESOURCE;
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PolicyException(origin, null, "missing from the program");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PolicyException(origin, null, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] fileBytes(Path file) throws PolicyException {
        String origin = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PolicyException(origin, null, "larger than 1 MiB, so not a policy file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PolicyException(origin, null, "no such file", e);
        } catch (IOException e) {
            throw new PolicyException(origin, null, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Package-private so tests can feed many damaged files without the disk. */
    DepositPolicy parse(byte[] json, String origin) throws PolicyException {
        JsonNode root;
        try {
            root = reader.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PolicyException(origin, null, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolicyException(origin, null, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        DepositPolicy policy = new Fields(origin).policy(root);
        LOG.log(System.Logger.Level.INFO, "Deposit policy {0} in force from {1} with {2} categories, from {3}",
                policy.id(), policy.effectiveFrom(), policy.rules().size(), origin);
        return policy;
    }

    /** Checks one file's fields in order, failing on the first fault with its JSON path. */
    private static final class Fields {
        private final String origin;

        Fields(String origin) {
            this.origin = origin;
        }

        DepositPolicy policy(JsonNode root) throws PolicyException {
            if (root == null || !root.isObject()) {
                throw new PolicyException(origin, null, "must hold one JSON object, found " + found(root));
            }
            // the version first: a newer file may well have fields this program does not know
            JsonNode version = root.get("schemaVersion");
            if (version == null || !version.isIntegralNumber() || version.asLong() != SCHEMA_VERSION) {
                throw fail("schemaVersion", "must be " + SCHEMA_VERSION
                        + " (the only version this program reads), found " + found(version));
            }
            onlyKnownFields(root, "", POLICY_FIELDS);
            String id = text(root.get("id"), "id");
            LocalDate effectiveFrom = date(root.get("effectiveFrom"), "effectiveFrom");
            String source = text(root.get("source"), "source");
            JsonNode categories = root.get("categories");
            if (categories == null || !categories.isArray() || categories.isEmpty()) {
                throw fail("categories", "must be an array of at least one category, found " + found(categories));
            }
            List<PolicyRule> rules = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                PolicyRule rule = rule(categories.get(i), "categories[" + i + "]");
                Integer earlier = seen.putIfAbsent(rule.category(), i);
                if (earlier != null) {
                    throw fail("categories[" + i + "].code", rule.category() + " is already listed at categories["
                            + earlier + "]");
                }
                rules.add(rule);
            }
            return new DepositPolicy(id, effectiveFrom, source, rules, paper(root.get("paperCertificates"), rules));
        }

        /** The paper-certificate section; absent means paper certificates are not accepted. */
        private PaperPolicy paper(JsonNode node, List<PolicyRule> rules) throws PolicyException {
            String path = "paperCertificates";
            if (node == null) {
                return PaperPolicy.notAccepted();
            }
            if (!node.isObject()) {
                throw fail(path, "must be an object with accepted, maxAgeDays and whenServiceCannotVerify, found "
                        + found(node));
            }
            onlyKnownFields(node, path + ".", PAPER_FIELDS);
            JsonNode accepted = node.get("accepted");
            if (accepted == null || !accepted.isBoolean()) {
                throw fail(path + ".accepted", "must be true or false, found " + found(accepted));
            }
            int maxAge = PaperPolicy.DEFAULT_MAX_AGE_DAYS;
            JsonNode age = node.get("maxAgeDays");
            if (age != null) {
                if (!age.isIntegralNumber() || !age.canConvertToInt() || age.intValue() < 0
                        || age.intValue() > MAX_PAPER_AGE_DAYS) {
                    throw fail(path + ".maxAgeDays", "must be a whole number of days 0.." + MAX_PAPER_AGE_DAYS
                            + ", found " + found(age));
                }
                maxAge = age.intValue();
            }
            JsonNode no = node.get("whenServiceSaysNo");
            if (no != null && !(no.isTextual() && REFUND_AFTER_REVIEW.equals(no.textValue()))) {
                throw fail(path + ".whenServiceSaysNo", "can only be \"" + REFUND_AFTER_REVIEW
                        + "\" (paper never lowers the deposit when the service said no), found " + found(no));
            }
            Map<String, Integer> provisional = new LinkedHashMap<>();
            JsonNode list = node.get("whenServiceCannotVerify");
            if (list != null) {
                if (!list.isArray()) {
                    throw fail(path + ".whenServiceCannotVerify", "must be an array of {category, depositPercent}, "
                            + "found " + found(list));
                }
                for (int i = 0; i < list.size(); i++) {
                    String at = path + ".whenServiceCannotVerify[" + i + "]";
                    JsonNode entry = list.get(i);
                    if (!entry.isObject()) {
                        throw fail(at, "must be an object with category and depositPercent, found " + found(entry));
                    }
                    onlyKnownFields(entry, at + ".", PROVISIONAL_FIELDS);
                    JsonNode category = entry.get("category");
                    PolicyRule rule = category == null || !category.isTextual() ? null : rules.stream()
                            .filter(r -> r.category().equals(category.textValue())).findFirst().orElse(null);
                    if (rule == null) {
                        throw fail(at + ".category", "must be one of the categories listed above, found "
                                + found(category));
                    }
                    JsonNode percent = entry.get("depositPercent");
                    if (percent == null || !percent.isIntegralNumber() || !percent.canConvertToInt()
                            || percent.intValue() < 0 || percent.intValue() > 100) {
                        throw fail(at + ".depositPercent", "must be an integer 0..100, found " + found(percent));
                    }
                    if (percent.intValue() < rule.depositPercent()) {
                        throw fail(at + ".depositPercent", "grants more than a verified " + rule.category()
                                + " does (" + rule.depositPercent() + " %); a paper certificate never grants more");
                    }
                    if (provisional.putIfAbsent(rule.category(), percent.intValue()) != null) {
                        throw fail(at + ".category", rule.category() + " is listed twice");
                    }
                }
            }
            return new PaperPolicy(accepted.booleanValue(), maxAge, provisional);
        }

        private PolicyRule rule(JsonNode node, String path) throws PolicyException {
            if (!node.isObject()) {
                throw fail(path, "must be an object with code, depositPercent and labels, found " + found(node));
            }
            onlyKnownFields(node, path + ".", CATEGORY_FIELDS);
            JsonNode code = node.get("code");
            if (code == null || !code.isTextual() || !CODE.matcher(code.textValue()).matches()) {
                throw fail(path + ".code", "must be an upper-case code of letters, digits and _ like "
                        + "LOW_INCOME_FAMILY, found " + found(code));
            }
            JsonNode percent = node.get("depositPercent");
            if (percent == null || !percent.isIntegralNumber() || !percent.canConvertToInt()
                    || percent.intValue() < 0 || percent.intValue() > 100) {
                throw fail(path + ".depositPercent", "must be an integer 0..100, found " + found(percent));
            }
            return new PolicyRule(code.textValue(), percent.intValue(), labels(node.get("labels"), path + ".labels"));
        }

        private Map<String, String> labels(JsonNode node, String path) throws PolicyException {
            Map<String, String> labels = new LinkedHashMap<>();
            if (node == null) {
                return labels;
            }
            if (!node.isObject()) {
                throw fail(path, "must be an object of language tag to name, found " + found(node));
            }
            for (Map.Entry<String, JsonNode> label : node.properties()) {
                if (label.getKey().isBlank()) {
                    throw fail(path, "has an empty language tag");
                }
                labels.put(label.getKey(), text(label.getValue(), path + "." + label.getKey()));
            }
            return labels;
        }

        private void onlyKnownFields(JsonNode node, String prefix, Set<String> known) throws PolicyException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw fail(prefix + name, "unknown field (misspelt?); known here: " + String.join(", ",
                            known.stream().sorted().toList()));
                }
            }
        }

        private String text(JsonNode node, String path) throws PolicyException {
            if (node == null || !node.isTextual() || node.textValue().isBlank()) {
                throw fail(path, "must be a non-empty string, found " + found(node));
            }
            return node.textValue();
        }

        private LocalDate date(JsonNode node, String path) throws PolicyException {
            if (node != null && node.isTextual() && DATE.matcher(node.textValue()).matches()) {
                try {
                    return LocalDate.parse(node.textValue());
                } catch (DateTimeParseException e) {
                    // falls through to the one message for every bad date
                }
            }
            throw fail(path, "must be a calendar date YYYY-MM-DD, found " + found(node));
        }

        private PolicyException fail(String field, String problem) {
            return new PolicyException(origin, field, problem);
        }

        private static String found(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "nothing";
            }
            if (node.isTextual()) {
                String text = node.textValue();
                return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            }
            if (node.isObject()) {
                return "an object";
            }
            return node.isArray() ? "an array of " + node.size() : node.toString();
        }
    }
}
