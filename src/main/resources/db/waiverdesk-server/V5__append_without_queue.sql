-- Appends without a queue (issue 13: 50 desks appending at once, p99 within 1.5x a bare one-row INSERT; measured by
-- `bench audit --audit-db URL`, docs/benchmarks.md). Until now every append took the chain head's row lock, computed
-- its hash under it and held it to its commit: one append at a time for the whole hospital, and a queue of desks
-- behind it (Lock:tuple). Now:
--
-- * An append takes its seq from a sequence, under an advisory lock on that seq held to its commit, and inserts the
--   entry with the server's time and writer, as before; it no longer waits for anyone.
-- * Sealing links the committed entries into the chain in seq order: each sealed entry gets its hash in audit_seal
--   (format waiverdesk-server-chain-2: as chain-1, plus the seq of the previous link before the previous hash), and
--   the head row moves on. Whoever holds the sealer's lock seals; an append tries it without waiting after its
--   insert, so one append in a crowd seals the others' committed entries, and the rest go on. A seq that is
--   drawn but not committed stops the sealer while its appender runs (its advisory lock is held); once that lock is
--   free and no entry holds the seq (an append rolled back, or a forwarded copy found its entry there already), the
--   seq is recorded in seal_gap and skipped, so the chain accounts for every seq. An appender that drew a seq the
--   sealer had meanwhile recorded as a gap (it locks its seq only after drawing it) sees the record once the sealer
--   commits and draws another.
-- * verify (chain_links), anchor, export_begin and purge_before seal everything committed first (waiting for the
--   lock), so they see a chain through every entry committed before them; desks also seal on their forwarding tick.
--   Between an append's commit and its sealing (milliseconds under load, at most until the next append or tick) the
--   entry is stored and searchable but not yet linked.
--
-- Entries appended before this migration keep their chain-1 hashes in audit_entry (nothing is rewritten, so upgrading
-- a server with millions of entries takes no time); later entries leave audit_entry's hash columns null and have theirs
-- in audit_seal. entry_view shows whichever holds the hash.

CREATE SEQUENCE audit_entry_seq AS bigint;
SELECT setval('audit_entry_seq', greatest((SELECT seq FROM chain_head WHERE chain = 'checks'),
                                          (SELECT coalesce(max(seq), 0) FROM audit_entry), 1),
              (SELECT seq FROM chain_head WHERE chain = 'checks') > 0);

ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN entry_hash DROP NOT NULL;

-- the link of each entry appended from this migration on
CREATE TABLE audit_seal (
    seq         bigint PRIMARY KEY,
    prev_seq    bigint NOT NULL,
    prev_hash   text   NOT NULL,
    entry_hash  text   NOT NULL,
    sealed_us   bigint NOT NULL
);

-- seqs drawn but never committed (no entry will ever hold them)
CREATE TABLE seal_gap (
    seq        bigint PRIMARY KEY,
    found_us   bigint NOT NULL
);

-- Same columns, same order: the functions that return entry_view keep working. A chain-2 link's hashes are looked up
-- for the rows a query returns, after its sort and limit (a subquery in the select list), and not at all for entries
-- from before this migration, whose hashes are in audit_entry: joined, the planner merge-joined all of audit_seal for
-- a name fragment's window of 20,000 entries (417,300 links read; an old entry's name 139.5 ms on 5.4 million).
CREATE OR REPLACE VIEW entry_view AS
SELECT e.seq, e.entry_id, e.ws_time_ms, e.service_time, e.operator, e.workstation, e.masked_id, e.id_hash, e.name,
       e.decision, e.deposit_percent, e.reason, e.categories, e.service_result, e.request_id, e.error_code,
       e.latency_ms, e.policy_id, e.policy_sha256, e.service_url, e.demo_service, e.program_version, e.channel,
       e.cert_id, e.cert_kid, e.trust_list_age_s, e.revocation_list_age_s, e.paper_number, e.paper_centre,
       e.paper_issued, e.paper_category, e.follows_seq, e.holder_from_certificate, e.received_us, e.writer,
       e.spooled_ms,
       CASE WHEN e.entry_hash IS NOT NULL THEN e.prev_hash
            ELSE (SELECT s.prev_hash FROM audit_seal s WHERE s.seq = e.seq) END AS prev_hash,
       CASE WHEN e.entry_hash IS NOT NULL THEN e.entry_hash
            ELSE (SELECT s.entry_hash FROM audit_seal s WHERE s.seq = e.seq) END AS entry_hash,
       EXISTS (SELECT 1 FROM access_entry n WHERE n.entry_seq = e.seq AND n.action = 'DECISION_NOT_SHOWN')
           AS not_shown,
       r.action AS review_action, r.detail AS review_detail, r.time_ms AS review_time_ms,
       r.supervisor AS review_supervisor, r.workstation AS review_workstation
FROM audit_entry e
LEFT JOIN access_entry r ON r.entry_seq = e.seq AND r.action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED');

-- the chain-2 hash of an entry linked after (p_prev_seq, p_prev_hash); `audit verify` recomputes it in Java
CREATE FUNCTION seal_hash(r audit_entry, p_prev_seq bigint, p_prev_hash text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN encode(sha256(waiverdesk.canon_text('waiverdesk-server-chain-2') || waiverdesk.canon_int(r.seq)
            || waiverdesk.canon_int(r.ws_time_ms) || waiverdesk.canon_text(r.service_time)
            || waiverdesk.canon_text(r.operator) || waiverdesk.canon_text(r.workstation)
            || waiverdesk.canon_text(r.masked_id) || waiverdesk.canon_text(r.id_hash)
            || waiverdesk.canon_text(r.name) || waiverdesk.canon_text(r.decision)
            || waiverdesk.canon_int(r.deposit_percent) || waiverdesk.canon_text(r.reason)
            || waiverdesk.canon_text(r.categories) || waiverdesk.canon_text(r.service_result)
            || waiverdesk.canon_text(r.request_id) || waiverdesk.canon_text(r.error_code)
            || waiverdesk.canon_int(r.latency_ms) || waiverdesk.canon_text(r.policy_id)
            || waiverdesk.canon_text(r.policy_sha256) || waiverdesk.canon_text(r.service_url)
            || waiverdesk.canon_int(r.demo_service) || waiverdesk.canon_text(r.program_version)
            || waiverdesk.canon_text(r.channel) || waiverdesk.canon_text(r.cert_id)
            || waiverdesk.canon_text(r.cert_kid) || waiverdesk.canon_int(r.trust_list_age_s)
            || waiverdesk.canon_int(r.revocation_list_age_s) || waiverdesk.canon_text(r.paper_number)
            || waiverdesk.canon_text(r.paper_centre) || waiverdesk.canon_text(r.paper_issued)
            || waiverdesk.canon_text(r.paper_category) || waiverdesk.canon_int(r.follows_seq)
            || waiverdesk.canon_int(r.holder_from_certificate) || waiverdesk.canon_text(r.entry_id::text)
            || waiverdesk.canon_int(r.received_us) || waiverdesk.canon_text(r.writer)
            || waiverdesk.canon_int(r.spooled_ms) || waiverdesk.canon_int(p_prev_seq)
            || waiverdesk.canon_text(p_prev_hash)), 'hex');
END
$$;

-- Links the committed entries after the head, in seq order, at most p_max (null: all); the caller holds the head row's
-- lock. Stops at a seq whose appender is still running. Returns how many it linked.
-- links one entry after the head given; returns its hash
CREATE FUNCTION seal_link(r audit_entry, p_head chain_head) RETURNS text
    LANGUAGE plpgsql SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_hash text := seal_hash(r, p_head.seq, p_head.entry_hash);
BEGIN
    INSERT INTO audit_seal VALUES (r.seq, p_head.seq, p_head.entry_hash, v_hash, now_us());
    RETURN v_hash;
END
$$;

-- Reads the entries after the head in one range scan per call, planned for that call (EXECUTE): a desk's session
-- lives all day, and a plan cached while the log was empty (a scan of the whole table) would be kept as it grows.
CREATE FUNCTION seal_locked(p_max bigint) RETURNS bigint
    LANGUAGE plpgsql SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_head  chain_head%ROWTYPE;
    v_drawn bigint;
    v_next  bigint;
    v_n     bigint := 0;
    v_stop  boolean := false;
    r       audit_entry%ROWTYPE;
    v_late  audit_entry%ROWTYPE;
BEGIN
    SELECT * INTO v_head FROM chain_head WHERE chain = 'checks';
    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO v_drawn FROM audit_entry_seq;
    v_next := v_head.seq + 1;
    -- the entries committed before this statement, in seq order; a seq missing from it is checked on its own
    FOR r IN EXECUTE 'SELECT * FROM waiverdesk.audit_entry WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3'
            USING v_next, v_drawn, coalesce(p_max, v_drawn) LOOP
        WHILE v_next < r.seq LOOP
            IF NOT pg_try_advisory_xact_lock(v_next) THEN
                v_stop := true;  -- its appender is still running: the chain waits for it
                EXIT;
            END IF;
            -- committed since the scan began, or never
            EXECUTE 'SELECT * FROM waiverdesk.audit_entry WHERE seq = $1' INTO v_late USING v_next;
            IF v_late.seq IS NULL THEN
                INSERT INTO seal_gap VALUES (v_next, now_us()) ON CONFLICT DO NOTHING;
            ELSE
                v_head.entry_hash := seal_link(v_late, v_head);
                v_head.seq := v_late.seq;
                v_n := v_n + 1;
            END IF;
            v_next := v_next + 1;
        END LOOP;
        EXIT WHEN v_stop;
        v_head.entry_hash := seal_link(r, v_head);
        v_head.seq := r.seq;
        v_n := v_n + 1;
        v_next := r.seq + 1;
    END LOOP;
    IF v_n > 0 THEN
        UPDATE chain_head SET seq = v_head.seq, entry_hash = v_head.entry_hash WHERE chain = 'checks';
    END IF;
    RETURN v_n;
END
$$;

-- Seals what is committed: p_wait false returns at once (0) when someone else holds the head, and seals at most 1,000
-- entries; true waits for the head and seals everything committed. Does nothing (0) in a transaction that is not READ
-- COMMITTED (the desks and `audit verify` set it; IT should leave default_transaction_isolation at its default).
CREATE FUNCTION seal_entries(p_wait boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    -- only where each statement sees what was committed before it: under a transaction-wide snapshot an entry
    -- committed since would look like a gap
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RETURN 0;
    END IF;
    -- one sealer at a time: an advisory lock (no row, no WAL) that fifty desks can try a thousand times a second
    -- without queueing on the head row's page; the head row is then locked by its holder alone
    IF coalesce(p_wait, false) THEN
        PERFORM pg_advisory_xact_lock(87, 1);
        PERFORM 1 FROM chain_head WHERE chain = 'checks' FOR UPDATE;
        RETURN seal_locked(NULL);
    END IF;
    IF NOT pg_try_advisory_xact_lock(87, 1) THEN
        RETURN 0;
    END IF;
    PERFORM 1 FROM chain_head WHERE chain = 'checks' FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        RETURN 0;  -- held by a session that is not a sealer (IT at work on it): never wait here
    END IF;
    RETURN seal_locked(1000);
END
$$;

-- A desk's only way to write, as before: the server assigns seq, time and writer; the hash comes when it is sealed.
-- An entry id already on the server returns its seq, as before, without drawing one. Its lookup is planned at each
-- call (EXECUTE, about 0.1 ms): a desk's session lives all day, and a plan cached while the log was empty (a scan of
-- the whole table) would be kept as it grows. (Not enable_seqscan = off on the function: the calls it makes inherit
-- it, and a plan costed past jit_above_cost is JIT-compiled on every call, 5-60 ms.)
CREATE OR REPLACE FUNCTION append_entry(p_entry_id uuid, p_ws_time_ms bigint, p_service_time text, p_operator text,
        p_workstation text, p_masked_id text, p_id_hash text, p_name text, p_decision text, p_deposit_percent bigint,
        p_reason text, p_categories text, p_service_result text, p_request_id text, p_error_code text,
        p_latency_ms bigint, p_policy_id text, p_policy_sha256 text, p_service_url text, p_demo_service bigint,
        p_program_version text, p_channel text, p_cert_id text, p_cert_kid text, p_trust_list_age_s bigint,
        p_revocation_list_age_s bigint, p_paper_number text, p_paper_centre text, p_paper_issued text,
        p_paper_category text, p_follows_seq bigint, p_holder_from_certificate bigint, p_spooled_ms bigint)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_seq  bigint;
BEGIN
    IF p_entry_id IS NULL THEN
        RAISE EXCEPTION 'an entry needs its id' USING ERRCODE = '22004';
    END IF;
    EXECUTE 'SELECT seq FROM waiverdesk.audit_entry WHERE entry_id = $1' INTO v_seq USING p_entry_id;
    IF v_seq IS NOT NULL THEN
        RETURN v_seq;
    END IF;
    LOOP
        v_seq := nextval('audit_entry_seq');
        -- held to the commit: the sealer waits at this seq while the append runs
        PERFORM pg_advisory_xact_lock(v_seq);
        -- a sealer that found the seq drawn but unlocked may have recorded it as a gap (this reads its commit)
        EXIT WHEN NOT EXISTS (SELECT 1 FROM seal_gap WHERE seq = v_seq);
    END LOOP;
    INSERT INTO audit_entry VALUES (v_seq, p_entry_id, p_ws_time_ms, p_service_time, p_operator, p_workstation,
        p_masked_id, p_id_hash, p_name, p_decision, p_deposit_percent, p_reason, p_categories, p_service_result,
        p_request_id, p_error_code, p_latency_ms, p_policy_id, p_policy_sha256, p_service_url, p_demo_service,
        p_program_version, p_channel, p_cert_id, p_cert_kid, p_trust_list_age_s, p_revocation_list_age_s,
        p_paper_number, p_paper_centre, p_paper_issued, p_paper_category, p_follows_seq, p_holder_from_certificate,
        now_us(), session_user, p_spooled_ms, NULL, NULL)
    ON CONFLICT (entry_id) DO NOTHING;
    IF NOT FOUND THEN
        -- a copy of the same entry, forwarded at the same moment, committed first; this seq becomes a gap
        EXECUTE 'SELECT seq FROM waiverdesk.audit_entry WHERE entry_id = $1' INTO v_seq USING p_entry_id;
        RETURN v_seq;
    END IF;
    PERFORM seal_entries(false);
    RETURN v_seq;
END
$$;

-- as V1's, the entry found by a plan made for each call (see append_entry)
CREATE OR REPLACE FUNCTION mark_not_shown(p_entry_id uuid, p_time_ms bigint, p_operator text, p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_entry bigint;
    v_seq   bigint;
BEGIN
    EXECUTE 'SELECT seq FROM waiverdesk.audit_entry WHERE entry_id = $1' INTO v_entry USING p_entry_id;
    IF v_entry IS NULL THEN
        RAISE EXCEPTION 'no entry % on the server', p_entry_id USING ERRCODE = 'P0002';
    END IF;
    PERFORM 1 FROM chain_head WHERE chain = 'access' FOR UPDATE;
    SELECT seq INTO v_seq FROM access_entry WHERE entry_seq = v_entry AND action = 'DECISION_NOT_SHOWN';
    IF FOUND THEN
        RETURN v_seq;
    END IF;
    RETURN append_access(p_time_ms, p_operator, p_workstation, 'DECISION_NOT_SHOWN', 'entry ' || v_entry, v_entry);
END
$$;

-- both chains' heads, recorded where desks cannot write, after sealing what is committed
CREATE OR REPLACE FUNCTION anchor() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_checks chain_head%ROWTYPE;
    v_access chain_head%ROWTYPE;
    v_id     bigint;
BEGIN
    PERFORM seal_entries(true);
    SELECT * INTO v_checks FROM chain_head WHERE chain = 'checks' FOR SHARE;
    SELECT * INTO v_access FROM chain_head WHERE chain = 'access' FOR SHARE;
    INSERT INTO audit_anchor (anchored_us, checks_seq, checks_hash, access_seq, access_hash, writer)
    VALUES (now_us(), v_checks.seq, v_checks.entry_hash, v_access.seq, v_access.entry_hash, session_user)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- What `audit verify` walks (it calls seal_entries(true) first, in a transaction of its own): every entry through the
-- head in seq order with its link (format 1: before V5, hash in audit_entry; 2: in audit_seal; null: none, which no
-- append leaves through the head), recorded once as a VERIFY under session_user.
CREATE FUNCTION chain_links(p_time_ms bigint, p_workstation text)
    RETURNS TABLE (seq bigint, entry_id uuid, ws_time_ms bigint, service_time text, operator text, workstation text,
                   masked_id text, id_hash text, name text, decision text, deposit_percent bigint, reason text,
                   categories text, service_result text, request_id text, error_code text, latency_ms bigint,
                   policy_id text, policy_sha256 text, service_url text, demo_service bigint, program_version text,
                   channel text, cert_id text, cert_kid text, trust_list_age_s bigint, revocation_list_age_s bigint,
                   paper_number text, paper_centre text, paper_issued text, paper_category text, follows_seq bigint,
                   holder_from_certificate bigint, received_us bigint, writer text, spooled_ms bigint,
                   format integer, prev_seq bigint, prev_hash text, entry_hash text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'VERIFY', 'server chain', NULL);
    RETURN QUERY
        SELECT e.seq, e.entry_id, e.ws_time_ms, e.service_time, e.operator, e.workstation, e.masked_id, e.id_hash,
               e.name, e.decision, e.deposit_percent, e.reason, e.categories, e.service_result, e.request_id,
               e.error_code, e.latency_ms, e.policy_id, e.policy_sha256, e.service_url, e.demo_service,
               e.program_version, e.channel, e.cert_id, e.cert_kid, e.trust_list_age_s, e.revocation_list_age_s,
               e.paper_number, e.paper_centre, e.paper_issued, e.paper_category, e.follows_seq,
               e.holder_from_certificate, e.received_us, e.writer, e.spooled_ms,
               CASE WHEN s.seq IS NOT NULL THEN 2 WHEN e.entry_hash IS NOT NULL THEN 1 END,
               s.prev_seq, coalesce(s.prev_hash, e.prev_hash), coalesce(s.entry_hash, e.entry_hash)
        FROM audit_entry e LEFT JOIN audit_seal s ON s.seq = e.seq
        WHERE e.seq <= (SELECT h.seq FROM chain_head h WHERE h.chain = 'checks')
        ORDER BY e.seq;
END
$$;

-- the seqs the chain skips (drawn, never committed), through the head
CREATE FUNCTION seal_gaps() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT g.seq FROM seal_gap g WHERE g.seq <= (SELECT h.seq FROM chain_head h WHERE h.chain = 'checks')
    ORDER BY g.seq
$$;

-- as V1's, on the sealed chain: the purged prefix ends at a link, and its links and gaps go with it
CREATE OR REPLACE FUNCTION purge_before(p_before_us bigint, p_time_ms bigint, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_limit_us bigint;
    v_head     bigint;
    v_through  bigint;
    v_hash     text;
    v_count    bigint;
BEGIN
    SELECT now_us() - retention_days::bigint * 86400000000 INTO v_limit_us FROM settings;
    IF p_before_us > v_limit_us THEN
        RAISE EXCEPTION 'entries younger than the retention period are kept' USING ERRCODE = '42501';
    END IF;
    PERFORM seal_entries(true);
    SELECT seq INTO v_head FROM chain_head WHERE chain = 'checks';
    SELECT e.seq, coalesce(s.entry_hash, e.entry_hash) INTO v_through, v_hash
    FROM audit_entry e LEFT JOIN audit_seal s ON s.seq = e.seq
    WHERE e.received_us < p_before_us AND e.seq <= v_head ORDER BY e.seq DESC LIMIT 1;
    IF v_through IS NULL THEN
        PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'PURGE', 'nothing before the day', NULL);
        RETURN 0;
    END IF;
    SELECT count(*) INTO v_count FROM audit_entry WHERE seq <= v_through;
    PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'PURGE',
                          v_count || ' entries through ' || v_through, v_through);
    INSERT INTO audit_purge VALUES (v_through, v_hash, now_us(), session_user);
    DELETE FROM audit_entry WHERE seq <= v_through;
    DELETE FROM audit_seal WHERE seq <= v_through;
    DELETE FROM seal_gap WHERE seq <= v_through;
    RETURN v_count;
END
$$;

-- The newest entry is the highest seq taken, linked or not (the head may be a few entries behind); V6's search_page
-- looks it up the same way.
CREATE OR REPLACE FUNCTION grams_worth_it(f audit_filter) RETURNS text[] LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_top bigint;
    v_n   bigint;
BEGIN
    IF f.name IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(max(seq), 0) + 1 INTO v_top FROM audit_entry;
    SELECT count(*) INTO v_n FROM (SELECT 1 FROM matching(f, NULL, v_top - name_window(), v_top) LIMIT 200) s;
    RETURN CASE WHEN v_n < 200 THEN fragment_grams(f.name) END;
END
$$;

-- An export reads every match: there the links come by one join (merged in seq order) rather than a lookup per entry.
CREATE OR REPLACE FUNCTION export_open(p_ticket bigint, p_filter audit_filter, OUT rows refcursor, OUT total bigint,
                            OUT checks_seq bigint, OUT checks_hash text, OUT access_seq bigint,
                            OUT access_hash text, OUT anchored_us bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f        audit_filter := checked_filter(p_filter);
    v_access access_entry%ROWTYPE;
    v_anchor audit_anchor%ROWTYPE;
    v_grams  text[];
BEGIN
    SELECT * INTO v_access FROM access_entry WHERE seq = p_ticket;
    IF NOT FOUND OR v_access.writer <> session_user OR v_access.action NOT IN ('EXPORT_CSV', 'EXPORT_FHIR')
            OR v_access.detail <> filter_detail(f) OR v_access.received_us < now_us() - 600000000 THEN
        RAISE EXCEPTION 'access % does not record an export of this filter by this login in the last 10 minutes',
            p_ticket USING ERRCODE = '42501';
    END IF;
    UPDATE export_ticket SET opened_us = now_us() WHERE export_ticket.access_seq = p_ticket AND opened_us IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the export recorded as access % has been read already', p_ticket USING ERRCODE = '42501';
    END IF;
    SELECT a.* INTO v_anchor FROM audit_anchor a JOIN export_ticket t ON t.anchor_id = a.id
    WHERE t.access_seq = p_ticket;
    checks_seq := v_anchor.checks_seq;
    checks_hash := v_anchor.checks_hash;
    access_seq := v_anchor.access_seq;
    access_hash := v_anchor.access_hash;
    anchored_us := v_anchor.anchored_us;
    v_grams := grams_worth_it(f);
    SELECT count(*) INTO total FROM matching(f, v_grams, NULL, checks_seq + 1);
    OPEN rows FOR SELECT m.seq, m.entry_id, m.ws_time_ms, m.service_time, m.operator, m.workstation, m.masked_id,
            m.id_hash, m.name, m.decision, m.deposit_percent, m.reason, m.categories, m.service_result, m.request_id,
            m.error_code, m.latency_ms, m.policy_id, m.policy_sha256, m.service_url, m.demo_service,
            m.program_version, m.channel, m.cert_id, m.cert_kid, m.trust_list_age_s, m.revocation_list_age_s,
            m.paper_number, m.paper_centre, m.paper_issued, m.paper_category, m.follows_seq,
            m.holder_from_certificate, m.received_us, m.writer, m.spooled_ms,
            CASE WHEN s.seq IS NULL THEN m.prev_hash ELSE s.prev_hash END,
            CASE WHEN s.seq IS NULL THEN m.entry_hash ELSE s.entry_hash END,
            m.review_action, m.review_detail, m.review_time_ms, m.review_supervisor, m.review_workstation
        FROM matching(f, v_grams, NULL, checks_seq + 1) m LEFT JOIN audit_seal s ON s.seq = m.seq
        ORDER BY m.seq DESC;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA waiverdesk FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA waiverdesk FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA waiverdesk FROM PUBLIC;
-- an older program's verify would read the new entries' null hashes as tampering: it is refused instead
REVOKE EXECUTE ON FUNCTION chain_rows(bigint, text) FROM waiverdesk_supervisor;
GRANT EXECUTE ON FUNCTION seal_entries(boolean) TO waiverdesk_desk, waiverdesk_supervisor;
GRANT EXECUTE ON FUNCTION chain_links(bigint, text), seal_gaps() TO waiverdesk_supervisor;
