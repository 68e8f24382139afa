-- The supervisor's review queue a page at a time, and its length. V2's review_queue returns every paper entry without
-- a review in one call: with 62,037 waiting, the supervisor's screen ran out of its 160 MB heap reading them
-- (docs/benchmarks.md). A screen now asks for the oldest page (keyset on seq, as search_page) and more as the
-- supervisor scrolls, and for the count the tab shows.
--
-- What is recorded: each call goes through record_search with the words of V2's review_queue (and of the screen's own
-- record when the supervisor presses Refresh), so V2's 15-minute rule applies to the queue as to a filter: a page or a
-- count records a SEARCH of the queue unless this login's SEARCH of it is less than 15 minutes old. Scrolling through
-- a thousand pages, and the count read again after each review, add nothing; a look after a quarter of an hour is
-- recorded again. Not "the first page only": a client could then read every later page unrecorded by asking for the
-- page after seq 1, where under this rule no login reads the queue without a SEARCH of it in the last 15 minutes,
-- whatever it sends.
--
-- V2's review_queue keeps working (and its grant): windows are upgraded one by one, and a screen of the version
-- before this one calls it at sign-in; revoking it would turn that into a failed read on each of them. What it costs
-- is that older client's own memory, not the server's (a set-returning function's rows spill to disk past
-- work_mem). Once every window runs this version, a later migration may revoke it.
--
-- No new index: walked backwards, audit_entry_channel (channel, seq DESC) gives the paper entries after p_after in seq
-- order from the index alone, merged with access_entry_review_once (the reviews, by entry) it skips the reviewed ones,
-- and it stops at p_limit. The first page of 300,000 entries, 30,000 of them paper and the older half reviewed:
-- 5 ms, where the same page asked of entry_view at once took 62 ms (the planner walked the table by seq).

CREATE FUNCTION review_queue_page(p_time_ms bigint, p_workstation text, p_after bigint, p_limit integer)
    RETURNS SETOF entry_view
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    v_after bigint := coalesce(p_after, 0);
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
        RAISE EXCEPTION 'a page holds 1 to 1000 entries' USING ERRCODE = '22023';
    END IF;
    PERFORM record_search(p_time_ms, p_workstation, 'review queue (paper entries pending review)', false);
    -- the page's seqs first, from the two indexes merged in seq order (r.entry_seq > v_after starts the reviews' at
    -- the key too), then their rows: asked of entry_view at once, the planner expects tens of thousands of rows where
    -- the page holds a hundred, walks the table by seq and reads every access event for the not-shown mark
    RETURN QUERY SELECT v.* FROM (
            SELECT e.seq FROM audit_entry e
            WHERE e.channel = 'PAPER' AND e.seq > v_after
              AND NOT EXISTS (SELECT 1 FROM access_entry r
                              WHERE r.entry_seq = e.seq AND r.entry_seq > v_after
                                AND r.action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED'))
            ORDER BY e.seq LIMIT p_limit) p
        JOIN entry_view v ON v.seq = p.seq
        ORDER BY p.seq;
END
$$;

CREATE FUNCTION review_queue_count(p_time_ms bigint, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_n bigint;
BEGIN
    PERFORM record_search(p_time_ms, p_workstation, 'review queue (paper entries pending review)', false);
    SELECT count(*) INTO v_n FROM audit_entry e
    WHERE e.channel = 'PAPER'
      AND NOT EXISTS (SELECT 1 FROM access_entry r
                      WHERE r.entry_seq = e.seq AND r.action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED'));
    RETURN v_n;
END
$$;

-- V2's record_search, looking for the caller's recent SEARCH through access_entry_writer (writer, received_us): with
-- session_user (a name, not text) and now_us() (volatile) in the condition itself the planner could use neither, and
-- every page, count or chart of every supervisor read the whole access chain (16 ms of a page's 18-26 ms with 215,000
-- access events, growing with the chain). Same rule, same result.
CREATE OR REPLACE FUNCTION record_search(p_time_ms bigint, p_workstation text, p_detail text, p_always boolean)
    RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_login text   := session_user::text;
    v_since bigint := now_us() - 900000000;
BEGIN
    IF p_always OR NOT EXISTS (SELECT 1 FROM access_entry WHERE writer = v_login AND received_us > v_since
                                   AND action = 'SEARCH' AND detail = p_detail) THEN
        PERFORM append_access(p_time_ms, v_login, p_workstation, 'SEARCH', p_detail, NULL);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION record_search(bigint, text, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION review_queue_page(bigint, text, bigint, integer), review_queue_count(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION review_queue_page(bigint, text, bigint, integer), review_queue_count(bigint, text)
    TO waiverdesk_supervisor;
