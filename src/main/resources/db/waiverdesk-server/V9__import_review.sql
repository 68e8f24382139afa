-- A supervisor carries the reviews of a workstation's local log over to the server after its entries were migrated
-- (`audit migrate --reviews`): without them every paper certificate reviewed at that window before the move waited
-- for review again on the server, and a second review could contradict the first.
--
-- import_review finds the migrated entry by its id (the name-based UUID `audit migrate` gave it from its local hash)
-- and records the review exactly as review_entry does: under the calling supervisor's own login, in the access chain,
-- once per entry (WD001 no such entry, WD002 not paper, WD003 reviewed already, WD004/WD005 the reason). The program
-- puts who reviewed it locally, where and when, into the reason. Only an entry with a name-based (version 3) id can
-- be imported this way: a desk's own entries (random ids) are reviewed on the screen. A desk login may not call it: a
-- clerk who could record reviews could approve his own paper certificates.

CREATE FUNCTION import_review(p_time_ms bigint, p_workstation text, p_entry_id uuid, p_approved boolean,
                              p_reason text)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_seq bigint;
BEGIN
    -- the version nibble of a UUID: 3 for a name-based (MD5) one
    IF p_entry_id IS NULL OR substr(p_entry_id::text, 15, 1) <> '3' THEN
        RAISE EXCEPTION 'only a migrated entry''s review can be imported' USING ERRCODE = 'WD001';
    END IF;
    -- planned per call, as append_entry's lookup: a plan kept from an empty log would scan the grown one
    EXECUTE 'SELECT seq FROM waiverdesk.audit_entry WHERE entry_id = $1' INTO v_seq USING p_entry_id;
    IF v_seq IS NULL THEN
        RAISE EXCEPTION 'no migrated entry %', p_entry_id USING ERRCODE = 'WD001';
    END IF;
    RETURN review_entry(p_time_ms, p_workstation, v_seq, p_approved, p_reason);
END
$$;

REVOKE ALL ON FUNCTION import_review(bigint, text, uuid, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_review(bigint, text, uuid, boolean, text) TO waiverdesk_supervisor;
