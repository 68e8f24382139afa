package com.waiverdesk.app;

import com.waiverdesk.app.secret.SecretStore;
import com.waiverdesk.app.secret.SecretStoreException;
import com.waiverdesk.app.secret.SecretStores;
import com.waiverdesk.audit.server.ServerUrl;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An audit server login's password in the workstation's secret store ({@code waiverdesk secret set --audit-db URL}),
 * under a key naming the login, server and database, so a desk pointed at another server or database never sends
 * this one's password. When the store holds none, the connection is made without a password and pgjdbc reads
 * {@code PGPASSFILE} or {@code ~/.pgpass}.
 */
public final class AuditServerPasswords {
    private AuditServerPasswords() {
    }

    /** {@code waiverdesk-audit:<login>@<host>:<port>/<database>}; the host in lower case, as DNS compares it. */
    public static String key(ServerUrl url) {
        return "waiverdesk-audit:" + url.user() + "@" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port() + "/"
                + url.database();
    }

    /**
     * The stored password of the address's login, or empty (then pgjdbc looks in ~/.pgpass). The caller clears the
     * array after use.
     *
     * @throws SecretStoreException the store cannot be read, or the entry is not UTF-8 text
     */
    public static Optional<char[]> read(ServerUrl url, SecretStore store) throws SecretStoreException {
        Optional<byte[]> stored = store.read(key(url));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = stored.get();
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            return password.length == 0 ? Optional.empty() : Optional.of(password);
        } catch (CharacterCodingException e) {
            throw new SecretStoreException("The stored password for " + key(url) + " is not UTF-8 text: store it"
                    + " again with `waiverdesk secret set --audit-db`");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /**
     * The desk login's password from {@code store} (or the workstation's store, opened here when {@code store} is
     * null), or {@code null} to let pgjdbc read {@code ~/.pgpass}: a store that cannot be opened or read is no error
     * here, since the password may well be in that file (the server says so if it is nowhere).
     */
    public static char[] forDesk(Config config, SecretStore store) {
        ServerUrl url = ServerUrl.parse(config.auditServer());
        if (store != null) {
            return readQuietly(url, store);
        }
        try (SecretStore opened = SecretStores.open(AppPaths.forCurrentUser())) {
            return readQuietly(url, opened);
        } catch (SecretStoreException | RuntimeException e) {
            System.getLogger(AuditServerPasswords.class.getName()).log(System.Logger.Level.DEBUG,
                    "no secret store for the audit server password ({0}): ~/.pgpass applies",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static char[] readQuietly(ServerUrl url, SecretStore store) {
        try {
            return read(url, store).orElse(null);
        } catch (SecretStoreException e) {
            System.getLogger(AuditServerPasswords.class.getName()).log(System.Logger.Level.WARNING,
                    "the audit server password in the secret store cannot be used ({0}): ~/.pgpass applies",
                    e.getMessage());
            return null;
        }
    }
}
