-- The cost of an append (issue 13: 50 desks appending at once, p99 against a bare one-row INSERT commit; measured by
-- `bench audit --audit-db URL`, docs/benchmarks.md). Nothing stored changes: the same chains, the same hashes.

-- 1. canon_text / canon_int in PL/pgSQL. As SQL functions they were inlined into append_entry's one hash expression:
--    some 400 nodes, which PostgreSQL prepares again in every transaction (PL/pgSQL keeps a simple expression's state
--    for one transaction only): about 0.4 ms of the 0.5 ms an append took on the build machine. As PL/pgSQL functions
--    each is one call, prepared once per session; the hash of an entry costs about 50 µs. Same bodies, same bytes.
CREATE OR REPLACE FUNCTION canon_text(v text) RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN CASE WHEN v IS NULL THEN '\x00'::bytea
                ELSE '\x02'::bytea || int4send(octet_length(convert_to(v, 'UTF8'))) || convert_to(v, 'UTF8') END;
END
$$;

CREATE OR REPLACE FUNCTION canon_int(v bigint) RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN CASE WHEN v IS NULL THEN '\x00'::bytea ELSE '\x01'::bytea || int8send(v) END;
END
$$;

-- 2. append_entry: the canonical bytes of what the desk sent (the 31 columns and the entry id) are made before the head
--    row's lock, which serializes every append; under it only seq, server time, writer, spooled time and the previous
--    hash are added. The hash covers the same bytes in the same order as V1's.
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
    v_head  chain_head%ROWTYPE;
    v_seq   bigint;
    v_us    bigint;
    v_hash  text;
    v_sent  bytea;
BEGIN
    IF p_entry_id IS NULL THEN
        RAISE EXCEPTION 'an entry needs its id' USING ERRCODE = '22004';
    END IF;
    v_sent := canon_int(p_ws_time_ms) || canon_text(p_service_time) || canon_text(p_operator)
            || canon_text(p_workstation) || canon_text(p_masked_id) || canon_text(p_id_hash) || canon_text(p_name)
            || canon_text(p_decision) || canon_int(p_deposit_percent) || canon_text(p_reason)
            || canon_text(p_categories) || canon_text(p_service_result) || canon_text(p_request_id)
            || canon_text(p_error_code) || canon_int(p_latency_ms) || canon_text(p_policy_id)
            || canon_text(p_policy_sha256) || canon_text(p_service_url) || canon_int(p_demo_service)
            || canon_text(p_program_version) || canon_text(p_channel) || canon_text(p_cert_id)
            || canon_text(p_cert_kid) || canon_int(p_trust_list_age_s) || canon_int(p_revocation_list_age_s)
            || canon_text(p_paper_number) || canon_text(p_paper_centre) || canon_text(p_paper_issued)
            || canon_text(p_paper_category) || canon_int(p_follows_seq) || canon_int(p_holder_from_certificate)
            || canon_text(p_entry_id::text);
    SELECT * INTO v_head FROM chain_head WHERE chain = 'checks' FOR UPDATE;
    -- after the lock: a concurrent forward of the same id has committed or not at all
    SELECT seq INTO v_seq FROM audit_entry WHERE entry_id = p_entry_id;
    IF FOUND THEN
        RETURN v_seq;
    END IF;
    v_seq := v_head.seq + 1;
    v_us := now_us();
    v_hash := encode(sha256(canon_text('waiverdesk-server-chain-1') || canon_int(v_seq) || v_sent
            || canon_int(v_us) || canon_text(session_user::text) || canon_int(p_spooled_ms)
            || canon_text(v_head.entry_hash)), 'hex');
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

-- 3. await_durable: the head row's lock is held until the append's transaction ends, and with synchronous_commit on
--    that end includes the WAL's flush to disk, so every append waited for every earlier one's fsync in turn (the
--    flushes could not be shared). A desk (ServerAuditLog) now sets synchronous_commit = off for its session: its
--    append commits, and lets the next desk take the lock, once its commit record is in the WAL's buffers; then it
--    calls await_durable, a transaction that writes one WAL record (a transactional logical message, decoded by
--    nothing) and commits with the server's own synchronous_commit, i.e. flushes the WAL up to there, which covers
--    the append before it, and many desks' flushes are shared as any commits' are. The desk takes its append as
--    committed only after this returns, so a crash in between loses only appends no desk was told of (the WAL is
--    replayed in order: an append that survives has every earlier link); they go to the spool and are forwarded.
--    A caller that does not change synchronous_commit is as before: durable when append_entry returns.
CREATE FUNCTION await_durable() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    -- the value the session started with (the server's, the database's or the login's setting), for this
    -- transaction only; 'off' only if IT chose that for every commit
    PERFORM pg_catalog.set_config('synchronous_commit',
            (SELECT reset_val FROM pg_catalog.pg_settings WHERE name = 'synchronous_commit'), true);
    PERFORM pg_catalog.pg_logical_emit_message(true, 'waiverdesk', 'durable');
END
$$;

DO $$
BEGIN
    IF NOT has_function_privilege('pg_catalog.pg_logical_emit_message(boolean, text, text)', 'EXECUTE') THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'waiverdesk_owner may not call pg_logical_emit_message:'
            || ' as a superuser, GRANT EXECUTE ON FUNCTION pg_catalog.pg_logical_emit_message(boolean, text, text)'
            || ' TO waiverdesk_owner, then run `audit server init` again';
    END IF;
END
$$;

REVOKE ALL ON FUNCTION await_durable() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION await_durable() TO waiverdesk_desk;
