package com.waiverdesk.app;

import com.waiverdesk.verification.EcertListSource;
import com.waiverdesk.verification.FetchedList;
import com.waiverdesk.verification.ecert.DemoEcertKeys;
import com.waiverdesk.verification.ecert.ListRefusedException;
import com.waiverdesk.verification.ecert.ListSnapshot;
import com.waiverdesk.verification.ecert.RevocationList;
import com.waiverdesk.verification.ecert.Sm2KeyException;
import com.waiverdesk.verification.ecert.Sm2PublicKey;
import com.waiverdesk.verification.ecert.TrustList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The last good trust and revocation lists, on disk and in memory. Every copy is verified against the pinned root when
 * it is read, from the service or from the disk (a changed file is refused), and a list is never replaced by an older
 * one, so what the verifier sees is always something the root signed. Blocking (disk, network, SM2): run it off the
 * FX thread.
 */
public final class EcertListStore {
    static final String FOLDER = "ecert-lists";
    static final String TRUST_LIST_FILE = "trust-list.txt";
    static final String REVOCATION_LIST_FILE = "revocation-list.txt";
    /** Far above any real list; a larger file is not one of ours. */
    static final long MAX_FILE_BYTES = 4L << 20;
    private static final System.Logger LOG = System.getLogger(EcertListStore.class.getName());

    private final Path dir;
    private final Sm2PublicKey root;
    private final EcertSettings settings;
    private final Clock clock;
    private volatile TrustList trustList;
    private volatile RevocationList revocationList;

    /**
     * @param dir  the lists' folder ({@link #folderFor(Config)})
     * @param root the pinned root, or {@code null} when none is configured: then no list is ever trusted
     */
    public EcertListStore(Path dir, Sm2PublicKey root, EcertSettings settings, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.root = root;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The store a desk with this configuration uses: the lists' folder beside the audit database, the configured root
     * key, or the demo root when the built-in demo runs and none is configured. Not yet loaded.
     */
    public static EcertListStore forConfig(Config config, Clock clock) {
        return new EcertListStore(folderFor(config), pinnedRoot(config), config.ecert(), clock);
    }

    /**
     * The root the lists must be signed by: {@code ecertRootKey} when set; else the demo root, in demo mode only
     * (anyone can sign with it: its private key derives from a public label); else none.
     *
     * @throws IllegalArgumentException when the configured key is not an SM2 key (ConfigOptions checks it first)
     */
    public static Sm2PublicKey pinnedRoot(Config config) {
        String key = config.ecert().rootKey();
        if (key != null) {
            try {
                return Sm2PublicKey.fromSpkiBase64(key);
            } catch (Sm2KeyException e) {
                throw new IllegalArgumentException("ecertRootKey: " + e.getMessage(), e);
            }
        }
        return config.isDemo() ? DemoEcertKeys.rootPublicKey() : null;
    }

    /** Beside the audit database, which is where the desk keeps its data. */
    public static Path folderFor(Config config) {
        return config.auditDatabase().toAbsolutePath().getParent().resolve(FOLDER);
    }

    /** Reads and verifies the copies on disk; a missing one is no list, a refused one is logged and not used. */
    public synchronized void load() {
        if (root == null) {
            LOG.log(System.Logger.Level.WARNING, "no e-certificate root key configured (ecertRootKey): no trust or"
                    + " revocation list is trusted, every e-certificate is \"could not verify\"");
            return;
        }
        String trust = readFile(TRUST_LIST_FILE);
        if (trust != null) {
            try {
                trustList = TrustList.read(trust, root, clock.instant());
            } catch (ListRefusedException e) {
                refusedOnDisk(TRUST_LIST_FILE, e);
            }
        }
        String revocations = readFile(REVOCATION_LIST_FILE);
        if (revocations != null) {
            try {
                revocationList = RevocationList.read(revocations, root, clock.instant());
            } catch (ListRefusedException e) {
                refusedOnDisk(REVOCATION_LIST_FILE, e);
            }
        }
        // the folder (beside the audit database, docs/configuration.md) only at FINE: a temporary one can hold an
        // ID-shaped run of digits that the log-privacy checks cannot tell from an ID
        LOG.log(System.Logger.Level.DEBUG, "e-certificate lists folder: {0}", dir);
        LOG.log(System.Logger.Level.INFO, "e-certificate lists loaded: {0}", freshness());
    }

    /** Fetches both lists, keeps each that verifies and is not older than the held one, and writes it. Blocking. */
    public synchronized Refresh refresh(EcertListSource source) {
        Update trust = refreshTrustList(source.fetchTrustList());
        Update revocations = refreshRevocationList(source.fetchRevocationList());
        Refresh result = new Refresh(trust, revocations, freshness());
        LOG.log(System.Logger.Level.INFO, "e-certificate lists refreshed: trust list {0}, revocation list {1}; {2}",
                trust, revocations, result.freshness());
        return result;
    }

    private Update refreshTrustList(FetchedList fetched) {
        if (!fetched.fetched()) {
            return Update.FETCH_FAILED;
        }
        if (root == null) {
            return Update.REFUSED;
        }
        TrustList list;
        try {
            list = TrustList.read(fetched.text(), root, clock.instant());
            requireNotOlder(trustList == null ? null : trustList.issuedAt(), list.issuedAt(), TrustList.PREFIX);
        } catch (ListRefusedException e) {
            refusedFromService(TrustList.PREFIX, e);
            return Update.REFUSED;
        }
        if (trustList != null && trustList.text().equals(list.text())) {
            return Update.UNCHANGED;
        }
        write(TRUST_LIST_FILE, list.text());
        trustList = list;
        return Update.UPDATED;
    }

    private Update refreshRevocationList(FetchedList fetched) {
        if (!fetched.fetched()) {
            return Update.FETCH_FAILED;
        }
        if (root == null) {
            return Update.REFUSED;
        }
        RevocationList list;
        try {
            list = RevocationList.read(fetched.text(), root, clock.instant());
            requireNotOlder(revocationList == null ? null : revocationList.issuedAt(), list.issuedAt(),
                    RevocationList.PREFIX);
        } catch (ListRefusedException e) {
            refusedFromService(RevocationList.PREFIX, e);
            return Update.REFUSED;
        }
        if (revocationList != null && revocationList.text().equals(list.text())) {
            return Update.UNCHANGED;
        }
        write(REVOCATION_LIST_FILE, list.text());
        revocationList = list;
        return Update.UPDATED;
    }

    /** A list issued at the same moment as the held one is accepted: the service may re-sign without a change. */
    private static void requireNotOlder(OffsetDateTime held, OffsetDateTime fetched, String prefix)
            throws ListRefusedException {
        if (held != null && fetched.toInstant().isBefore(held.toInstant())) {
            throw new ListRefusedException(ListRefusedException.Reason.OLDER_THAN_HELD, prefix + " issued " + fetched
                    + " is older than the held one of " + held);
        }
    }

    /** What the verifier decides with now; each part {@code null} when none is held. */
    public ListSnapshot snapshot() {
        return new ListSnapshot(trustList, revocationList);
    }

    /** The lists' ages by the workstation's clock, for the status bar. */
    public Freshness freshness() {
        Instant now = clock.instant();
        TrustList trust = trustList;
        RevocationList revocations = revocationList;
        return new Freshness(root != null, trust == null ? null : age(trust.issuedAt(), now),
                revocations == null ? null : age(revocations.issuedAt(), now), settings.maxTrustListAge(),
                settings.maxRevocationAge());
    }

    /** A list up to 300 s in the future (accepted by the reader) is of age zero, not negative. */
    private static Duration age(OffsetDateTime issuedAt, Instant now) {
        Duration age = Duration.between(issuedAt.toInstant(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private String readFile(String name) {
        Path file = dir.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                LOG.log(System.Logger.Level.WARNING, "cached e-certificate list {0} refused: larger than {1} bytes",
                        file, Long.toString(MAX_FILE_BYTES));
                return null;
            }
            // the reader refuses anything but the compact text's ASCII, so a decoding slip cannot let a change in
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cached e-certificate list {0} cannot be read: {1}", file,
                    IoProblem.of(e));
            return null;
        }
    }

    private void write(String name, String text) {
        Path file = dir.resolve(name);
        try {
            PrivateFiles.replace(file, name, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the verified list is still used from memory; only the next start goes without it
            LOG.log(System.Logger.Level.WARNING, "e-certificate list could not be written to {0}: {1}", file,
                    IoProblem.of(e));
        }
    }

    private void refusedOnDisk(String name, ListRefusedException e) {
        LOG.log(System.Logger.Level.WARNING, "cached e-certificate list {0} refused ({1}): not used; the next"
                + " refresh from the service replaces it", dir.resolve(name), e.getMessage());
    }

    private static void refusedFromService(String prefix, ListRefusedException e) {
        LOG.log(System.Logger.Level.WARNING, "{0} list from the service refused ({1}): the held copy stays", prefix,
                e.getMessage());
    }

    /** What one refresh did with a list. */
    public enum Update {
        /** A newer list was verified, written and is used from now on. */
        UPDATED,
        /** The service sent the list already held. */
        UNCHANGED,
        /** The service could not be asked or gave no list (see the log); the held copy stays. */
        FETCH_FAILED,
        /** The list did not verify against the root, was issued in the future or is older than the held one. */
        REFUSED
    }

    /** The outcome of {@link #refresh}. */
    public record Refresh(Update trustList, Update revocationList, Freshness freshness) {
    }

    /**
     * The lists' ages for the status bar.
     *
     * @param rootConfigured  whether a root key is pinned at all
     * @param trustListAge    {@code null} when no trust list is held
     * @param revocationAge   {@code null} when no revocation list is held
     */
    public record Freshness(boolean rootConfigured, Duration trustListAge, Duration revocationAge,
                            Duration maxTrustListAge, Duration maxRevocationAge) {
        public boolean hasTrustList() {
            return trustListAge != null;
        }

        /** No trust list, or one older than allowed: no e-certificate can be checked, online or offline. */
        public boolean trustListTooOld() {
            return trustListAge == null || trustListAge.compareTo(maxTrustListAge) > 0;
        }

        /** No revocation list, or one older than allowed: without the service, no e-certificate passes. */
        public boolean revocationListTooOld() {
            return revocationAge == null || revocationAge.compareTo(maxRevocationAge) > 0;
        }

        /** Whether an e-certificate can be decided when the service cannot be reached. */
        public boolean offlineReady() {
            return !trustListTooOld() && !revocationListTooOld();
        }

        @Override
        public String toString() {
            return "trust list " + (trustListAge == null ? "none" : trustListAge.toMinutes() + " min old")
                    + (trustListTooOld() ? " (too old)" : "") + ", revocation list "
                    + (revocationAge == null ? "none" : revocationAge.toMinutes() + " min old")
                    + (revocationListTooOld() ? " (too old)" : "") + (rootConfigured ? "" : ", no root key");
        }
    }
}
