package com.waiverdesk.app.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What ties the encrypted-file store to this computer: the systemd/D-Bus machine id on Linux. It is not a secret
 * (any local user can read it); it only makes a copied secrets and key file useless on another machine. Where there
 * is none (Windows, macOS, a container without one) the binding is empty, and {@link #source()} says so.
 *
 * @param value  the bytes mixed into the key; empty for no binding
 * @param source where they came from, for {@link SecretStore#description()}
 */
record MachineBinding(byte[] value, String source) {
    private static final List<Path> MACHINE_ID_FILES = List.of(Path.of("/etc/machine-id"),
            Path.of("/var/lib/dbus/machine-id"));
    static final MachineBinding NONE = new MachineBinding(new byte[0], "no machine id");

    static MachineBinding current() {
        for (Path file : MACHINE_ID_FILES) {
            try {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!id.isEmpty()) {
                    return new MachineBinding(id.getBytes(StandardCharsets.US_ASCII), file.toString());
                }
            } catch (IOException | SecurityException e) {
                // try the next place; with none the store still works, unbound
            }
        }
        return NONE;
    }
}
