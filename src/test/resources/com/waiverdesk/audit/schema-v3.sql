-- The audit database as WaiverDesk created or upgraded it at schema version 3 (version 1's DDL, then the version 2
-- and 3 steps of AuditSchema as they were), kept so that the upgrade to version 4 is tested against it. Never edit.
PRAGMA journal_mode = WAL;
BEGIN IMMEDIATE;
CREATE TABLE audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO audit_meta (key, value) VALUES ('chain_format', 'waiverdesk-audit-chain-1');
CREATE TABLE audit_entry ( seq INTEGER PRIMARY KEY CHECK (seq > 0), ws_time_ms INTEGER NOT NULL, ws_time TEXT GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%S', ws_time_ms / 1000, 'unixepoch')   || printf('.%03dZ', ws_time_ms % 1000)) VIRTUAL, service_time TEXT, operator TEXT NOT NULL, workstation TEXT NOT NULL, masked_id TEXT NOT NULL, id_hash TEXT, name TEXT NOT NULL, decision TEXT NOT NULL, deposit_percent INTEGER, reason TEXT NOT NULL, categories TEXT NOT NULL, service_result TEXT, request_id TEXT, error_code TEXT, latency_ms INTEGER NOT NULL, prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL);
CREATE INDEX audit_entry_time ON audit_entry (ws_time_ms);
CREATE INDEX audit_entry_operator ON audit_entry (operator, ws_time_ms);
CREATE INDEX audit_entry_workstation ON audit_entry (workstation, ws_time_ms);
CREATE INDEX audit_entry_decision ON audit_entry (decision, ws_time_ms);
CREATE INDEX audit_entry_id_hash ON audit_entry (id_hash, ws_time_ms);
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
-- version 2
INSERT INTO audit_meta (key, value) VALUES ('access_chain_format', 'waiverdesk-access-chain-1'), ('log_id', lower(hex(randomblob(16))));
CREATE TABLE access_entry ( seq INTEGER PRIMARY KEY CHECK (seq > 0), time_ms INTEGER NOT NULL, time TEXT GENERATED ALWAYS AS (strftime('%Y-%m-%dT%H:%M:%S', time_ms / 1000, 'unixepoch')   || printf('.%03dZ', time_ms % 1000)) VIRTUAL, supervisor TEXT NOT NULL, workstation TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, entry_hash TEXT NOT NULL);
CREATE INDEX access_entry_time ON access_entry (time_ms);
CREATE INDEX IF NOT EXISTS audit_entry_name ON audit_entry (name);
CREATE INDEX IF NOT EXISTS audit_entry_error_code ON audit_entry (error_code, ws_time_ms);
CREATE TABLE audit_purge ( id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, supervisor TEXT NOT NULL, workstation TEXT NOT NULL, before_day TEXT NOT NULL, retention_days INTEGER NOT NULL, through_seq INTEGER NOT NULL, through_hash TEXT NOT NULL, purged_count INTEGER NOT NULL, access_seq INTEGER NOT NULL, anchor_line TEXT NOT NULL);
CREATE TRIGGER access_entry_no_update BEFORE UPDATE ON access_entry BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER access_entry_no_delete BEFORE DELETE ON access_entry BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_purge_no_update BEFORE UPDATE ON audit_purge BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_purge_no_delete BEFORE DELETE ON audit_purge BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_meta_no_update BEFORE UPDATE ON audit_meta BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit_meta_no_delete BEFORE DELETE ON audit_meta BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
-- version 3
ALTER TABLE audit_entry ADD COLUMN policy_id TEXT;
ALTER TABLE audit_entry ADD COLUMN policy_sha256 TEXT;
ALTER TABLE audit_entry ADD COLUMN service_url TEXT;
ALTER TABLE audit_entry ADD COLUMN demo_service INTEGER CHECK (demo_service IN (0, 1));
ALTER TABLE audit_entry ADD COLUMN program_version TEXT;
PRAGMA application_id = 1464090965;
PRAGMA user_version = 3;
COMMIT;
