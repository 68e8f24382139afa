-- The CSV export reads only the columns a CSV file shows. export_open (V2, V5) gives every column of an entry, as the
-- FHIR Bundle needs them; a CSV leaves out the keyed ID hash, the previous link's hash, the entry's id and what the
-- server recorded beside it (see CsvExport). Those six columns were a quarter of what the server wrote out per row:
-- COPY of export_open's query for 5,583,131 entries took 13.8 s of the server's one core, without them 10.0 s, and
-- the program decoded two 64-character hashes, a UUID and a login per row for nothing (docs/benchmarks.md, "Export").
--
-- export_open_csv takes the same ticket (an EXPORT_CSV recorded by this login in the last 10 minutes, read once) and
-- gives the same rows in the same order with these columns:
--   seq, the entry's stored values in EntryColumns order less id_hash, entry_hash, the review's five columns.
-- export_open is unchanged for its callers (the FHIR export, and the CSV export of programs before this version);
-- both now check and start the ticket in one place, export_start.

-- Starts the export recorded as access p_ticket: refuses a ticket that is not an export of one of p_actions of this
-- (checked) filter by this login in the last 10 minutes, or that was read already; marks it read, and gives the
-- filter's name grams, how many entries it matches up to the anchored head, and that anchor.
CREATE FUNCTION export_start(p_ticket bigint, f audit_filter, p_actions text[], OUT grams text[], OUT total bigint,
                             OUT checks_seq bigint, OUT checks_hash text, OUT access_seq bigint,
                             OUT access_hash text, OUT anchored_us bigint)
    LANGUAGE plpgsql SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_access access_entry%ROWTYPE;
BEGIN
    SELECT * INTO v_access FROM access_entry WHERE seq = p_ticket;
    IF NOT FOUND OR v_access.writer <> session_user OR NOT v_access.action = ANY (p_actions)
            OR v_access.detail <> filter_detail(f) OR v_access.received_us < now_us() - 600000000 THEN
        RAISE EXCEPTION 'access % does not record an export of this filter by this login in the last 10 minutes',
            p_ticket USING ERRCODE = '42501';
    END IF;
    UPDATE export_ticket SET opened_us = now_us() WHERE export_ticket.access_seq = p_ticket AND opened_us IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the export recorded as access % has been read already', p_ticket USING ERRCODE = '42501';
    END IF;
    SELECT a.checks_seq, a.checks_hash, a.access_seq, a.access_hash, a.anchored_us
        INTO checks_seq, checks_hash, access_seq, access_hash, anchored_us
        FROM audit_anchor a JOIN export_ticket t ON t.anchor_id = a.id WHERE t.access_seq = p_ticket;
    grams := grams_worth_it(f);
    SELECT count(*) INTO total FROM matching(f, grams, NULL, checks_seq + 1);
END
$$;

CREATE OR REPLACE FUNCTION export_open(p_ticket bigint, p_filter audit_filter, OUT rows refcursor, OUT total bigint,
                                       OUT checks_seq bigint, OUT checks_hash text, OUT access_seq bigint,
                                       OUT access_hash text, OUT anchored_us bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f       audit_filter := checked_filter(p_filter);
    v_grams text[];
BEGIN
    SELECT x.grams, x.total, x.checks_seq, x.checks_hash, x.access_seq, x.access_hash, x.anchored_us
        INTO v_grams, total, checks_seq, checks_hash, access_seq, access_hash, anchored_us
        FROM export_start(p_ticket, f, ARRAY['EXPORT_CSV', 'EXPORT_FHIR']) x;
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

CREATE FUNCTION export_open_csv(p_ticket bigint, p_filter audit_filter, OUT rows refcursor, OUT total bigint,
                                OUT checks_seq bigint, OUT checks_hash text, OUT access_seq bigint,
                                OUT access_hash text, OUT anchored_us bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f       audit_filter := checked_filter(p_filter);
    v_grams text[];
BEGIN
    SELECT x.grams, x.total, x.checks_seq, x.checks_hash, x.access_seq, x.access_hash, x.anchored_us
        INTO v_grams, total, checks_seq, checks_hash, access_seq, access_hash, anchored_us
        FROM export_start(p_ticket, f, ARRAY['EXPORT_CSV']) x;
    OPEN rows FOR SELECT m.seq, m.ws_time_ms, m.service_time, m.operator, m.workstation, m.masked_id,
            m.name, m.decision, m.deposit_percent, m.reason, m.categories, m.service_result, m.request_id,
            m.error_code, m.latency_ms, m.policy_id, m.policy_sha256, m.service_url, m.demo_service,
            m.program_version, m.channel, m.cert_id, m.cert_kid, m.trust_list_age_s, m.revocation_list_age_s,
            m.paper_number, m.paper_centre, m.paper_issued, m.paper_category, m.follows_seq,
            m.holder_from_certificate,
            CASE WHEN s.seq IS NULL THEN m.entry_hash ELSE s.entry_hash END AS entry_hash,
            m.review_action, m.review_detail, m.review_time_ms, m.review_supervisor, m.review_workstation
        FROM matching(f, v_grams, NULL, checks_seq + 1) m LEFT JOIN audit_seal s ON s.seq = m.seq
        ORDER BY m.seq DESC;
END
$$;

REVOKE ALL ON FUNCTION export_start(bigint, audit_filter, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION export_open_csv(bigint, audit_filter) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION export_open_csv(bigint, audit_filter) TO waiverdesk_supervisor;
