package com.waiverdesk.app;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.server.ServerUrl;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a workstation keeps the audit server login's password: the OS secret store (`waiverdesk secret set
 * --audit-db`), under a key naming the login, host, port and database; without one there, pgjdbc reads
 * {@code PGPASSFILE} or {@code ~/.pgpass} as libpq does. Never the configuration file.
 */
public final class AuditServerPasswords {
    private AuditServerPasswords() {
    }

    /** The secret store's key of the login's password. */
    public static String key(ServerUrl url) {
        return "audit-db:" + url.user() + "@" + url.host() + ":" + url.port() + "/" + url.database();
    }

    /**
     * The desk login's password from {@code store} (or the workstation's, opened here when {@code store} is null), or
     * {@code null} to let pgjdbc read {@code ~/.pgpass}: a store that cannot be opened is not an error here, since the
     * password may well be in that file.
     */
    public static char[] forDesk(Config config, SecretStore store) {
        ServerUrl url = ServerUrl.parse(config.auditServer());
        if (store != null) {
            return read(store, url).orElse(null);
        }
        try (SecretStore opened = SecretStores.open(AppPaths.forCurrentUser())) {
            return read(opened, url).orElse(null);
        } catch (SecretStoreException | RuntimeException e) {
            System.getLogger(AuditServerPasswords.class.getName()).log(System.Logger.Level.DEBUG,
                    "no secret store for the audit server password ({0}): ~/.pgpass applies",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** The stored password of the address's login, if one is stored. */
    public static Optional<char[]> read(SecretStore store, ServerUrl url) {
        try {
            return store.read(key(url)).map(AuditServerPasswords::chars);
        } catch (SecretStoreException e) {
            return Optional.empty();
        }
    }

    /** Stores the password of the address's login. */
    public static void write(SecretStore store, ServerUrl url, char[] password) throws SecretStoreException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] raw = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        try {
            store.write(key(url), raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    private static char[] chars(byte[] raw) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
        Arrays.fill(raw, (byte) 0);
        return Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
    }
}
