package com.waiverdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The workstation's name for the audit log, found without a DNS lookup (which can hang on a hospital LAN). */
final class Workstation {
    private Workstation() {
    }

    static String name(Map<String, String> env) {
        String name = env.get("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            name = env.get("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        return name == null || name.isBlank() ? "unknown" : name;
    }
}
