-- WaiverDesk's hospital-wide audit store (docs/hospital-deployment.md). Run by `waiverdesk audit server init` as the
-- role waiverdesk_owner (Flyway's initSql sets it), which owns every object here. The roles waiverdesk_desk and
-- waiverdesk_supervisor get EXECUTE on their functions and nothing else: no table privilege at all, so a desk can only
-- append through append_entry, and every supervisor action goes through a function that records it under session_user.
--
-- Both chains use the canonical form of the program's RowDigester (com.waiverdesk.audit.HashChain): each value is a tag
-- byte (0 null, 1 int64 big-endian, 2 text as a 4-byte big-endian UTF-8 length and the bytes), the row is the format
-- tag, the seq, the values in column order, then the previous hash; its SHA-256 in lower-case hex is the entry's hash.
-- The server computes it here under the lock of the chain's head row; `audit verify` recomputes it in Java.

CREATE FUNCTION canon_text(v text) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL THEN '\x00'::bytea
                ELSE '\x02'::bytea || int4send(octet_length(convert_to(v, 'UTF8'))) || convert_to(v, 'UTF8') END
$$;

CREATE FUNCTION canon_int(v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL THEN '\x00'::bytea ELSE '\x01'::bytea || int8send(v) END
$$;

-- one row: the hospital's key of the ID hash (so an ID searched from any window matches every window's entries) and
-- the retention period
CREATE TABLE settings (
    only_row        boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    id_hash_key     bytea   NOT NULL CHECK (octet_length(id_hash_key) = 32),
    retention_days  integer NOT NULL DEFAULT 180 CHECK (retention_days >= 180)
);
INSERT INTO settings (id_hash_key) VALUES (decode(md5(random()::text || clock_timestamp()::text)
        || md5(random()::text || pg_backend_pid()::text || clock_timestamp()::text), 'hex'));

-- the last link of each chain (or the last purged one): the row whose lock serializes every append
CREATE TABLE chain_head (
    chain       text   PRIMARY KEY CHECK (chain IN ('checks', 'access')),
    seq         bigint NOT NULL,
    entry_hash  text   NOT NULL
);
INSERT INTO chain_head VALUES ('checks', 0, repeat('0', 64)), ('access', 0, repeat('0', 64));

CREATE TABLE audit_entry (
    seq                    bigint PRIMARY KEY,
    entry_id               uuid   NOT NULL UNIQUE,
    -- the 31 columns of the workstation's log (EntryColumns.NAMES), stored the same way
    ws_time_ms             bigint NOT NULL,
    service_time           text,
    operator               text   NOT NULL,
    workstation            text   NOT NULL,
    masked_id              text   NOT NULL,
    id_hash                text,
    name                   text   NOT NULL,
    decision               text   NOT NULL,
    deposit_percent        bigint,
    reason                 text   NOT NULL,
    categories             text   NOT NULL,
    service_result         text,
    request_id             text,
    error_code             text,
    latency_ms             bigint NOT NULL,
    policy_id              text,
    policy_sha256          text,
    service_url            text,
    demo_service           bigint,
    program_version        text,
    channel                text,
    cert_id                text,
    cert_kid               text,
    trust_list_age_s       bigint,
    revocation_list_age_s  bigint,
    paper_number           text,
    paper_centre           text,
    paper_issued           text,
    paper_category         text,
    follows_seq            bigint,
    holder_from_certificate bigint,
    -- assigned by the server
    received_us            bigint NOT NULL,
    writer                 text   NOT NULL,
    spooled_ms             bigint,
    prev_hash              text   NOT NULL,
    entry_hash             text   NOT NULL
);
CREATE INDEX audit_entry_time ON audit_entry (ws_time_ms DESC, seq DESC);
CREATE INDEX audit_entry_workstation ON audit_entry (workstation, seq DESC);
CREATE INDEX audit_entry_operator ON audit_entry (operator, seq DESC);
CREATE INDEX audit_entry_decision ON audit_entry (decision, seq DESC);
CREATE INDEX audit_entry_id_hash ON audit_entry (id_hash, seq DESC);
CREATE INDEX audit_entry_channel ON audit_entry (channel, seq DESC) WHERE channel IS NOT NULL;

-- supervisors' actions, desks' "decision not shown" marks and reviews: who (session_user, never a client's word)
CREATE TABLE access_entry (
    seq          bigint PRIMARY KEY,
    time_ms      bigint NOT NULL,
    supervisor   text   NOT NULL,
    workstation  text   NOT NULL,
    action       text   NOT NULL,
    detail       text   NOT NULL,
    entry_seq    bigint,
    received_us  bigint NOT NULL,
    writer       text   NOT NULL,
    prev_hash    text   NOT NULL,
    entry_hash   text   NOT NULL
);
CREATE INDEX access_entry_entry ON access_entry (entry_seq, action) WHERE entry_seq IS NOT NULL;
CREATE UNIQUE INDEX access_entry_review_once ON access_entry (entry_seq)
    WHERE action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED');

-- a purge removes a prefix of the check chain; its last link stays here so the chain verifies from it
CREATE TABLE audit_purge (
    through_seq   bigint PRIMARY KEY,
    through_hash  text   NOT NULL,
    purged_us     bigint NOT NULL,
    writer        text   NOT NULL
);

-- the chains' heads as recorded by supervisors and IT: where desks cannot write; `audit verify` checks each
CREATE TABLE audit_anchor (
    id           bigserial PRIMARY KEY,
    anchored_us  bigint NOT NULL,
    checks_seq   bigint NOT NULL,
    checks_hash  text   NOT NULL,
    access_seq   bigint NOT NULL,
    access_hash  text   NOT NULL,
    writer       text   NOT NULL
);

-- the hospital's deposit policy files; desks load the newest at start and record its id and hash in each entry
CREATE TABLE policy_version (
    version    bigserial PRIMARY KEY,
    policy_id  text   NOT NULL,
    sha256     text   NOT NULL,
    body       text   NOT NULL,
    added_us   bigint NOT NULL,
    writer     text   NOT NULL
);

CREATE FUNCTION now_us() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
$$;

-- appends one link to the access chain; the caller's identity is session_user, never an argument
CREATE FUNCTION append_access(p_time_ms bigint, p_supervisor text, p_workstation text, p_action text, p_detail text,
                              p_entry_seq bigint) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_head  chain_head%ROWTYPE;
    v_seq   bigint;
    v_us    bigint := now_us();
    v_hash  text;
BEGIN
    SELECT * INTO v_head FROM chain_head WHERE chain = 'access' FOR UPDATE;
    v_seq := v_head.seq + 1;
    v_hash := encode(sha256(canon_text('waiverdesk-server-access-1') || canon_int(v_seq)
            || canon_int(p_time_ms) || canon_text(p_supervisor) || canon_text(p_workstation) || canon_text(p_action)
            || canon_text(p_detail) || canon_int(p_entry_seq) || canon_int(v_us) || canon_text(session_user::text)
            || canon_text(v_head.entry_hash)), 'hex');
    INSERT INTO access_entry VALUES (v_seq, p_time_ms, p_supervisor, p_workstation, p_action, p_detail, p_entry_seq,
                                     v_us, session_user, v_head.entry_hash, v_hash);
    UPDATE chain_head SET seq = v_seq, entry_hash = v_hash WHERE chain = 'access';
    RETURN v_seq;
END
$$;

-- a desk's only way to write: the server assigns seq, time, writer and hash under the head row's lock; an entry id
-- already on the server (a forwarded copy of an entry whose first commit the desk never heard of) returns its seq
CREATE FUNCTION append_entry(p_entry_id uuid, p_ws_time_ms bigint, p_service_time text, p_operator text,
        p_workstation text, p_masked_id text, p_id_hash text, p_name text, p_decision text, p_deposit_percent bigint,
        p_reason text, p_categories text, p_service_result text, p_request_id text, p_error_code text,
        p_latency_ms bigint, p_policy_id text, p_policy_sha256 text, p_service_url text, p_demo_service bigint,
        p_program_version text, p_channel text, p_cert_id text, p_cert_kid text, p_trust_list_age_s bigint,
        p_revocation_list_age_s bigint, p_paper_number text, p_paper_centre text, p_paper_issued text,
        p_paper_category text, p_follows_seq bigint, p_holder_from_certificate bigint, p_spooled_ms bigint)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_head  chain_head%ROWTYPE;
    v_seq   bigint;
    v_us    bigint;
    v_hash  text;
BEGIN
    IF p_entry_id IS NULL THEN
        RAISE EXCEPTION 'an entry needs its id' USING ERRCODE = '22004';
    END IF;
    SELECT * INTO v_head FROM chain_head WHERE chain = 'checks' FOR UPDATE;
    -- after the lock: a concurrent forward of the same id has committed or not at all
    SELECT seq INTO v_seq FROM audit_entry WHERE entry_id = p_entry_id;
    IF FOUND THEN
        RETURN v_seq;
    END IF;
    v_seq := v_head.seq + 1;
    v_us := now_us();
    v_hash := encode(sha256(canon_text('waiverdesk-server-chain-1') || canon_int(v_seq)
            || canon_int(p_ws_time_ms) || canon_text(p_service_time) || canon_text(p_operator)
            || canon_text(p_workstation) || canon_text(p_masked_id) || canon_text(p_id_hash) || canon_text(p_name)
            || canon_text(p_decision) || canon_int(p_deposit_percent) || canon_text(p_reason)
            || canon_text(p_categories) || canon_text(p_service_result) || canon_text(p_request_id)
            || canon_text(p_error_code) || canon_int(p_latency_ms) || canon_text(p_policy_id)
            || canon_text(p_policy_sha256) || canon_text(p_service_url) || canon_int(p_demo_service)
            || canon_text(p_program_version) || canon_text(p_channel) || canon_text(p_cert_id)
            || canon_text(p_cert_kid) || canon_int(p_trust_list_age_s) || canon_int(p_revocation_list_age_s)
            || canon_text(p_paper_number) || canon_text(p_paper_centre) || canon_text(p_paper_issued)
            || canon_text(p_paper_category) || canon_int(p_follows_seq) || canon_int(p_holder_from_certificate)
            || canon_text(p_entry_id::text) || canon_int(v_us) || canon_text(session_user::text)
            || canon_int(p_spooled_ms) || canon_text(v_head.entry_hash)), 'hex');
    INSERT INTO audit_entry VALUES (v_seq, p_entry_id, p_ws_time_ms, p_service_time, p_operator, p_workstation,
        p_masked_id, p_id_hash, p_name, p_decision, p_deposit_percent, p_reason, p_categories, p_service_result,
        p_request_id, p_error_code, p_latency_ms, p_policy_id, p_policy_sha256, p_service_url, p_demo_service,
        p_program_version, p_channel, p_cert_id, p_cert_kid, p_trust_list_age_s, p_revocation_list_age_s,
        p_paper_number, p_paper_centre, p_paper_issued, p_paper_category, p_follows_seq, p_holder_from_certificate,
        v_us, session_user, p_spooled_ms, v_head.entry_hash, v_hash);
    UPDATE chain_head SET seq = v_seq, entry_hash = v_hash WHERE chain = 'checks';
    RETURN v_seq;
END
$$;

-- the desk's mark that an entry's decision never showed; once per entry, by entry id (so a forwarded mark is harmless)
CREATE FUNCTION mark_not_shown(p_entry_id uuid, p_time_ms bigint, p_operator text, p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_entry bigint;
    v_seq   bigint;
BEGIN
    SELECT seq INTO v_entry FROM audit_entry WHERE entry_id = p_entry_id;
    IF NOT FOUND THEN
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

CREATE FUNCTION id_hash_key() RETURNS bytea
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT id_hash_key FROM settings
$$;

CREATE FUNCTION current_policy(OUT version bigint, OUT policy_id text, OUT sha256 text, OUT body text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT version, policy_id, sha256, body FROM policy_version ORDER BY version DESC LIMIT 1
$$;

-- a supervisor's (or IT's) action, recorded under session_user before it is done
CREATE FUNCTION record_action(p_time_ms bigint, p_workstation text, p_action text, p_detail text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    IF p_action IN ('DECISION_NOT_SHOWN', 'REVIEW_APPROVED', 'REVIEW_REJECTED', 'PURGE') THEN
        RAISE EXCEPTION 'action % has its own function', p_action USING ERRCODE = '42501';
    END IF;
    RETURN append_access(p_time_ms, session_user::text, p_workstation, p_action, coalesce(p_detail, ''), NULL);
END
$$;

-- both chains' heads, recorded where desks cannot write
CREATE FUNCTION anchor() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_checks chain_head%ROWTYPE;
    v_access chain_head%ROWTYPE;
    v_id     bigint;
BEGIN
    SELECT * INTO v_checks FROM chain_head WHERE chain = 'checks' FOR SHARE;
    SELECT * INTO v_access FROM chain_head WHERE chain = 'access' FOR SHARE;
    INSERT INTO audit_anchor (anchored_us, checks_seq, checks_hash, access_seq, access_hash, writer)
    VALUES (now_us(), v_checks.seq, v_checks.entry_hash, v_access.seq, v_access.entry_hash, session_user)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- what `audit verify` walks: every row of a chain in order, recorded once as a VERIFY under session_user
CREATE FUNCTION chain_rows(p_time_ms bigint, p_workstation text) RETURNS SETOF audit_entry
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'VERIFY', 'server chain', NULL);
    RETURN QUERY SELECT * FROM audit_entry ORDER BY seq;
END
$$;

CREATE FUNCTION access_rows() RETURNS SETOF access_entry
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT * FROM access_entry ORDER BY seq
$$;

CREATE FUNCTION chain_facts(OUT purge_seq bigint, OUT purge_hash text, OUT checks_seq bigint, OUT checks_hash text,
                            OUT access_seq bigint, OUT access_hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT (SELECT through_seq FROM audit_purge ORDER BY through_seq DESC LIMIT 1),
           (SELECT through_hash FROM audit_purge ORDER BY through_seq DESC LIMIT 1),
           c.seq, c.entry_hash, a.seq, a.entry_hash
    FROM chain_head c, chain_head a WHERE c.chain = 'checks' AND a.chain = 'access'
$$;

CREATE FUNCTION anchors() RETURNS SETOF audit_anchor
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
    SELECT * FROM audit_anchor ORDER BY id
$$;

-- purges the oldest entries received before p_before_us, never one younger than the retention period; the purge is
-- recorded (with its last link) before the rows go, in the same transaction
CREATE FUNCTION purge_before(p_before_us bigint, p_time_ms bigint, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_limit_us bigint;
    v_through  audit_entry%ROWTYPE;
    v_count    bigint;
BEGIN
    SELECT now_us() - retention_days::bigint * 86400000000 INTO v_limit_us FROM settings;
    IF p_before_us > v_limit_us THEN
        RAISE EXCEPTION 'entries younger than the retention period are kept' USING ERRCODE = '42501';
    END IF;
    PERFORM 1 FROM chain_head WHERE chain = 'checks' FOR UPDATE;
    SELECT * INTO v_through FROM audit_entry WHERE received_us < p_before_us ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'PURGE', 'nothing before the day', NULL);
        RETURN 0;
    END IF;
    SELECT count(*) INTO v_count FROM audit_entry WHERE seq <= v_through.seq;
    PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'PURGE',
                          v_count || ' entries through ' || v_through.seq, v_through.seq);
    INSERT INTO audit_purge VALUES (v_through.seq, v_through.entry_hash, now_us(), session_user);
    DELETE FROM audit_entry WHERE seq <= v_through.seq;
    RETURN v_count;
END
$$;

-- nobody but the owner may call anything unless granted below
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA waiverdesk FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA waiverdesk FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA waiverdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION append_entry(uuid, bigint, text, text, text, text, text, text, text, bigint, text, text, text,
        text, text, bigint, text, text, text, bigint, text, text, text, text, bigint, bigint, text, text, text, text,
        bigint, bigint, bigint),
    mark_not_shown(uuid, bigint, text, text), id_hash_key(), current_policy()
    TO waiverdesk_desk;
GRANT EXECUTE ON FUNCTION id_hash_key(), current_policy(), record_action(bigint, text, text, text), anchor(),
    chain_rows(bigint, text), access_rows(), chain_facts(), anchors(), purge_before(bigint, bigint, text)
    TO waiverdesk_supervisor;
