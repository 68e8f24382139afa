-- The audit database exactly as WaiverDesk's first release created it (schema version 1), kept so that the
-- upgrade to later versions is tested against the real thing. Never edit: it is a record of what shipped.
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
PRAGMA application_id = 1464090965;
PRAGMA user_version = 1;
COMMIT;
