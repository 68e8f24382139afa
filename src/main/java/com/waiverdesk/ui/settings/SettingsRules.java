package com.waiverdesk.ui.settings;

import com.waiverdesk.app.ConfigException;
import com.waiverdesk.app.ConfigOptions;
import com.waiverdesk.verification.TlsSettings;
import com.waiverdesk.verification.VerificationHttp;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of the configuration reader, checked as IT types (no disk, no network): the same URL parser, pin check
 * and audit-path rule the desk uses at start. What needs the disk (does the CA bundle exist, is the policy valid) is
 * checked by the trial run when saving.
 */
final class SettingsRules {
    private SettingsRules() {
    }

    /**
     * @param text         the typed text of each field
     * @param locked       fields IT locked: not checked, they are not saved
     * @param secretStored a secret is stored
     * @param secretTyped  a new secret was typed
     */
    static Map<SettingsField, SettingsProblem> check(Function<SettingsField, String> text, Set<SettingsField> locked,
                                                     boolean secretStored, boolean secretTyped) {
        Map<SettingsField, SettingsProblem> problems = new EnumMap<>(SettingsField.class);
        String endpoint = text.apply(SettingsField.ENDPOINT).strip();
        if (endpoint.isEmpty()) {
            boolean needsOne = secretTyped || !text.apply(SettingsField.ACCOUNT).isBlank()
                    || !text.apply(SettingsField.CA_BUNDLE).isBlank() || !text.apply(SettingsField.PINS).isBlank();
            if (needsOne) {
                problems.put(SettingsField.ENDPOINT, SettingsProblem.ENDPOINT_NEEDED);
            }
        } else {
            try {
                VerificationHttp.parseBaseUrl(endpoint);
            } catch (IllegalArgumentException e) {
                problems.put(SettingsField.ENDPOINT, SettingsProblem.ENDPOINT_INVALID);
            }
            if (text.apply(SettingsField.ACCOUNT).isBlank()) {
                problems.put(SettingsField.ACCOUNT, SettingsProblem.REQUIRED);
            }
            if (!secretStored && !secretTyped) {
                problems.put(SettingsField.SECRET, SettingsProblem.REQUIRED);
            }
        }
        for (String pin : pins(text.apply(SettingsField.PINS))) {
            try {
                TlsSettings.checkPin(pin);
            } catch (IllegalArgumentException e) {
                problems.put(SettingsField.PINS, SettingsProblem.PIN_INVALID);
            }
        }
        for (SettingsField field : List.of(SettingsField.CA_BUNDLE, SettingsField.POLICY)) {
            if (!validPath(text.apply(field))) {
                problems.put(field, SettingsProblem.PATH_INVALID);
            }
        }
        String audit = text.apply(SettingsField.AUDIT_DB).strip();
        if (!audit.isEmpty()) {
            try {
                ConfigOptions.auditPath(audit, SettingsField.AUDIT_DB.configName(), null);
            } catch (ConfigException e) {
                problems.put(SettingsField.AUDIT_DB, SettingsProblem.AUDIT_DB_INVALID);
            }
        }
        if (deposit(text.apply(SettingsField.DEPOSIT)) == INVALID_DEPOSIT) {
            problems.put(SettingsField.DEPOSIT, SettingsProblem.DEPOSIT_INVALID);
        }
        if (wholeNumber(text.apply(SettingsField.AUTO_CLEAR)) == INVALID_NUMBER) {
            problems.put(SettingsField.AUTO_CLEAR, SettingsProblem.WHOLE_NUMBER_INVALID);
        }
        problems.keySet().removeAll(locked);
        return problems;
    }

    static final BigDecimal INVALID_DEPOSIT = new BigDecimal(-1);
    static final Integer INVALID_NUMBER = -1;

    /** One pin a line (or separated by commas or spaces); blank lines ignored. */
    static List<String> pins(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("[\\s,]+"));
    }

    /** The amount, {@code null} when blank, {@link #INVALID_DEPOSIT} when not a number of yuan ≥ 0. */
    static BigDecimal deposit(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            return amount.signum() < 0 ? INVALID_DEPOSIT : amount;
        } catch (NumberFormatException e) {
            return INVALID_DEPOSIT;
        }
    }

    /** The number, {@code null} when blank, {@link #INVALID_NUMBER} when not a whole number > 0. */
    static Integer wholeNumber(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? value : INVALID_NUMBER;
        } catch (NumberFormatException e) {
            return INVALID_NUMBER;
        }
    }

    private static boolean validPath(String text) {
        if (text.isBlank()) {
            return true;
        }
        try {
            Path.of(text.strip());
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
