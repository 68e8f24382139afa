package com.waiverdesk.ui.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What IT changed on the screen and has not saved: configuration field name to new value ({@code String},
 * {@code Integer}, {@code BigDecimal}, {@code List<String>}), or to {@code null} to go back to the default. Never the
 * secret: that travels separately as bytes and is cleared after use.
 */
public record SettingsDraft(Map<String, Object> changes) {
    public SettingsDraft {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
