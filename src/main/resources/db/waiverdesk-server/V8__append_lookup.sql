-- append_entry as V5's, finding an entry id already on the server before it draws a seq again (V5 found it through
-- its INSERT's conflict, after drawing one: every idempotent second delivery, such as `audit migrate` looking up the
-- server's copy of an entry a paper entry follows, left a gap in the seqs). The lookup is planned at each call
-- (EXECUTE, about 0.1 ms): a desk's session lives all day, and a plan cached while the log was empty (a scan of the
-- whole table) would be kept as it grows. (Not enable_seqscan = off on the function: the calls it makes inherit it,
-- and a plan costed past jit_above_cost is compiled by JIT on every call, 5-60 ms.)
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
