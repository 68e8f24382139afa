package com.waiverdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The workstation's name for the audit log, found without a DNS lookup (which can hang on a hospital LAN). */
public final class Workstation {
    private Workstation() {
    }

    /** {@code COMPUTERNAME} (Windows), else {@code HOSTNAME}, else {@code /etc/hostname}, else "unknown". */
    public static String name(Map<String, String> env) {
        String name = trimmed(env.get("COMPUTERNAME"));
        if (name == null) {
            name = trimmed(env.get("HOSTNAME"));
        }
        if (name == null) {
            try {
                name = trimmed(Files.readString(Path.of("/etc/hostname")));
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        return name == null ? "unknown" : name;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
