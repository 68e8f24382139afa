-- First pages after V5 (issue 13: first page of every filter <= 100 ms; `bench audit --audit-db URL --only read`,
-- docs/benchmarks.md). V5's entry_view joined audit_seal for the chain-2 hashes; for a name fragment's window of the
-- newest 20,000 entries the planner, expecting many matches, merge-joined the whole of audit_seal (417,300 links, 42 ms
-- of a 71 ms page; the page of an old entry's name 139.5 ms on 5.4 million entries). The hashes are now looked up for
-- the rows a query returns, after its sort and limit (a subquery in the select list), and not at all for entries from
-- before V5, whose hashes are in audit_entry. Same columns, same values.
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
