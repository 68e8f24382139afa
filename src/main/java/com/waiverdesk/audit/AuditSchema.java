package com.waiverdesk.audit;

import com.waiverdesk.audit.AuditWriteException.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The audit database's versioned schema: creates it, upgrades older files step by step, and refuses files it does not
 * understand, so a newer program's log is never written to by an older one.
 */
final class AuditSchema {
    /** The schema version this code writes ({@code PRAGMA user_version}). */
    static final int CURRENT_VERSION = 4;
    /** {@code PRAGMA application_id}: "WDAU", marks the file as a WaiverDesk audit database. */
    static final int APPLICATION_ID = 0x57444155;

    /** The guard the retention purge lifts and restores inside its own transaction. */
    static final String DELETE_GUARD = "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry"
            + " BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END";

    /** The condition of the review index; a query uses the index only when it repeats this condition exactly. */
    static final String REVIEW_ACTIONS = "action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED')";

    private static final System.Logger LOG = System.getLogger(AuditSchema.class.getName());

    /** One upgrade step; {@code STEPS.get(v)} brings version {@code v} to {@code v + 1}. Later versions append. */
    private interface Step {
        void apply(Statement s) throws SQLException;
    }

    private static final List<Step> STEPS = List.of(AuditSchema::createVersion1, AuditSchema::upgradeToVersion2,
            AuditSchema::upgradeToVersion3, AuditSchema::upgradeToVersion4);

    private AuditSchema() {
    }

    /**
     * Brings the database to {@link #CURRENT_VERSION}. A file already current is only read, so a locked or
     * read-only log still opens (and then fails on append with a precise kind).
     */
    static void prepare(Connection c) throws SQLException, AuditWriteException {
        try (Statement s = c.createStatement()) {
            if (checkInOneSnapshot(s) == CURRENT_VERSION) {
                return;
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                // another window may have created or upgraded the file while this one waited for the lock
                int from = check(s);
                for (int v = from; v < CURRENT_VERSION; v++) {
                    STEPS.get(v).apply(s);
                }
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + CURRENT_VERSION);
                s.execute("COMMIT");
                if (from < CURRENT_VERSION) {
                    // a new empty log is worth a line: a mistyped path would otherwise start a second log silently
                    LOG.log(System.Logger.Level.INFO, from == 0 ? "Created a new audit database (schema version {1})"
                            : "Upgraded the audit database from schema version {0} to {1}", from, CURRENT_VERSION);
                }
            } catch (Exception e) {
                rollbackQuietly(s);
                throw e;
            }
        }
    }

    /**
     * {@link #check} in one read transaction: read one by one, the version, the application id and the tables could
     * come from before and after another window's creation of the schema, and look like a foreign file.
     */
    private static int checkInOneSnapshot(Statement s) throws SQLException, AuditWriteException {
        s.execute("BEGIN");
        try {
            return check(s);
        } finally {
            s.execute("COMMIT");
        }
    }

    /** Returns the file's version after refusing foreign and newer files. */
    private static int check(Statement s) throws SQLException, AuditWriteException {
        int version = intPragma(s, "user_version");
        int appId = intPragma(s, "application_id");
        if (appId != 0 && appId != APPLICATION_ID) {
            throw refusal(Kind.CORRUPT, "the file belongs to another program (application id " + appId + ")");
        }
        if (version > CURRENT_VERSION) {
            throw refusal(Kind.UNAVAILABLE, "it has schema version " + version + ", newer than this program"
                    + " understands (" + CURRENT_VERSION + "); update WaiverDesk");
        }
        if (version == 0 && appId == 0 && hasTables(s)) {
            throw refusal(Kind.CORRUPT, "the file holds other tables, so it is not a WaiverDesk audit database");
        }
        return version;
    }

    private static AuditWriteException refusal(Kind kind, String why) {
        return new AuditWriteException(kind, "Could not open the audit database: " + why + ".", null);
    }

    private static void createVersion1(Statement s) throws SQLException {
        s.execute("CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
        s.execute("INSERT INTO audit_meta (key, value) VALUES ('chain_format', '" + HashChain.FORMAT + "')");
        s.execute("CREATE TABLE audit_entry ("
                + " seq INTEGER PRIMARY KEY CHECK (seq > 0),"
                + " ws_time_ms INTEGER NOT NULL,"
                // derived from ws_time_ms, so it can neither drift from it nor escape the hash
                + " ws_time TEXT GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%S', ws_time_ms / 1000, 'unixepoch')"
                + "   || printf('.%03dZ', ws_time_ms % 1000)) VIRTUAL,"
                + " service_time TEXT, operator TEXT NOT NULL, workstation TEXT NOT NULL, masked_id TEXT NOT NULL,"
                + " id_hash TEXT, name TEXT NOT NULL, decision TEXT NOT NULL, deposit_percent INTEGER,"
                + " reason TEXT NOT NULL, categories TEXT NOT NULL, service_result TEXT, request_id TEXT,"
                + " error_code TEXT, latency_ms INTEGER NOT NULL,"
                + " prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL)");
        // the supervisor filters a time range, optionally by one of these; rows arrive in time order.
        // A name fragment (LIKE '%x%') cannot use a B-tree: it is scanned within the time range.
        s.execute("CREATE INDEX audit_entry_time ON audit_entry (ws_time_ms)");
        for (String column : List.of("operator", "workstation", "decision", "id_hash")) {
            s.execute("CREATE INDEX audit_entry_" + column + " ON audit_entry (" + column + ", ws_time_ms)");
        }
        // guards against accidents only; the hash chain is what reveals deliberate edits.
        // The retention purge drops and recreates the delete guard inside its own transaction.
        s.execute("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry"
                + " BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END");
        s.execute(DELETE_GUARD);
    }

    /**
     * Version 2: the access chain (who looked at the log), the record of retention purges, and a random id of this
     * log that every anchor line carries. Existing check entries are untouched, so their chain verifies as before.
     */
    private static void upgradeToVersion2(Statement s) throws SQLException {
        s.execute("INSERT INTO audit_meta (key, value) VALUES ('access_chain_format', '" + HashChain.ACCESS_FORMAT
                + "'), ('log_id', lower(hex(randomblob(16))))");
        s.execute("CREATE TABLE access_entry ("
                + " seq INTEGER PRIMARY KEY CHECK (seq > 0),"
                + " time_ms INTEGER NOT NULL,"
                + " time TEXT GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%S', time_ms / 1000, 'unixepoch')"
                + "   || printf('.%03dZ', time_ms % 1000)) VIRTUAL,"
                + " supervisor TEXT NOT NULL, workstation TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL,"
                + " prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL)");
        s.execute("CREATE INDEX access_entry_time ON access_entry (time_ms)");
        // the supervisor's search: a name fragment is looked up name by name among the distinct names
        // (SqliteAuditReader's planner), and an error code that is rare or absent must not scan the table
        s.execute("CREATE INDEX IF NOT EXISTS audit_entry_name ON audit_entry (name)");
        s.execute("CREATE INDEX IF NOT EXISTS audit_entry_error_code ON audit_entry (error_code, ws_time_ms)");
        // one row per purge: who, when, up to which entry, and the signed anchor line written just before it
        s.execute("CREATE TABLE audit_purge ("
                + " id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, supervisor TEXT NOT NULL,"
                + " workstation TEXT NOT NULL, before_day TEXT NOT NULL, retention_days INTEGER NOT NULL,"
                + " through_seq INTEGER NOT NULL, through_hash TEXT NOT NULL, purged_count INTEGER NOT NULL,"
                + " access_seq INTEGER NOT NULL, anchor_line TEXT NOT NULL)");
        for (String table : List.of("access_entry", "audit_purge", "audit_meta")) {
            s.execute("CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table
                    + " BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END");
            s.execute("CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                    + " BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END");
        }
    }

    /**
     * Version 3: each check records what it was decided with ({@link CheckSource}). Older entries keep these columns
     * null, and {@link HashChain} leaves trailing nulls out of the hash, so their chain verifies as before.
     */
    private static void upgradeToVersion3(Statement s) throws SQLException {
        for (String column : List.of("policy_id TEXT", "policy_sha256 TEXT", "service_url TEXT",
                "demo_service INTEGER CHECK (demo_service IN (0, 1))", "program_version TEXT")) {
            s.execute("ALTER TABLE audit_entry ADD COLUMN " + column);
        }
    }

    /**
     * Version 4 (issue 12): each check records how the patient proved status ({@link ProofDetail}); older entries keep
     * these columns null and hash as before ({@link HashChain}); a null channel is read as the live query such an
     * entry was. The channel index is on the stored column (an index on a derived column that maps null to
     * {@code LIVE_QUERY} would not cover: SQLite reads the row to compute it).
     * A paper entry's review is an event of the access chain ({@link AccessEvent#review}); a partial index over the
     * reviews' details (which start with the entry) finds an entry's review, or its absence, without reading the rest
     * of the chain.
     */
    private static void upgradeToVersion4(Statement s) throws SQLException {
        for (String column : List.of("channel TEXT CHECK (channel IN ('LIVE_QUERY', 'ECERT_ONLINE', 'ECERT_OFFLINE',"
                        + " 'PAPER'))", "cert_id TEXT", "cert_kid TEXT", "trust_list_age_s INTEGER",
                "revocation_list_age_s INTEGER", "paper_number TEXT", "paper_centre TEXT", "paper_issued TEXT",
                "paper_category TEXT", "follows_seq INTEGER",
                "holder_from_certificate INTEGER CHECK (holder_from_certificate IN (0, 1))")) {
            s.execute("ALTER TABLE audit_entry ADD COLUMN " + column);
        }
        s.execute("CREATE INDEX audit_entry_channel ON audit_entry (channel, ws_time_ms)");
        s.execute("CREATE INDEX access_entry_review ON access_entry (detail, seq) WHERE " + REVIEW_ACTIONS);
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open, or SQLite already rolled it back
        }
    }
}
