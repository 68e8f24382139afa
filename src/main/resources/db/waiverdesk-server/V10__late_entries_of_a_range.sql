-- The first page of a time range no longer depends on how many late entries the log holds elsewhere. An entry is
-- late when the server received it more than a day from its workstation time: forwarded from a desk's spool after a
-- long outage, and every entry `audit migrate` imports (received now, decided months ago). search_page (V2, V6) reads
-- a range's late entries in a branch of their own, and the planner chose between walking the whole log newest first
-- and sorting the range's late entries from audit_entry_late by its estimate of how many the range holds: the log's
-- late share times the range's share, independent. After a migration put 200,000 late entries (of a year before) into
-- a log of 581,007, "last 7 days" estimated thousands of late entries in the week, found none, and walked all 581,007
-- entries: 119-166 ms a page (docs/benchmarks.md, "Late entries"); on 5 million entries it would be seconds.
--
-- Now the range's late entries are first counted from audit_entry_late, at most late_entries_cap() + 1 of them (one
-- index range, a few thousand entries at most); when there are no more than the cap, the branch looks their rows up by
-- seq. A range with more late entries than that (a period a migration filled) keeps the planner's choice, where walking
-- the log newest first finds them soon. Nothing else of search_page changes (it is V6's, restated).

-- how many late entries of a range are looked up by seq
CREATE FUNCTION late_entries_cap() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 5000';

CREATE OR REPLACE FUNCTION search_page(p_time_ms bigint, p_workstation text, p_filter audit_filter,
                                       p_new_search boolean, p_before bigint, p_limit integer)
    RETURNS SETOF entry_view
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f     audit_filter := checked_filter(p_filter);
    v_col text;
    v_val text;
    v_top bigint;
    v_lo  bigint;
    v_n   bigint;
    v_on  record;
    v_late bigint[];
    v_few  boolean;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 1000 THEN
        RAISE EXCEPTION 'a page holds 1 to 1000 entries' USING ERRCODE = '22023';
    END IF;
    PERFORM record_search(p_time_ms, p_workstation, filter_detail(f), coalesce(p_new_search, true));
    IF f.name IS NOT NULL THEN
        SELECT least(coalesce(p_before, coalesce(max(seq), 0) + 1), coalesce(max(seq), 0) + 1) INTO v_top
        FROM audit_entry;
        v_lo := v_top - name_window();
        RETURN QUERY SELECT * FROM matching(f, NULL, v_lo, v_top) ORDER BY seq DESC LIMIT p_limit;
        GET DIAGNOSTICS v_n = ROW_COUNT;
        IF v_n < p_limit AND v_lo > 1 THEN
            RETURN QUERY SELECT * FROM matching(f, fragment_grams(f.name), NULL, v_lo) ORDER BY seq DESC
                LIMIT p_limit - v_n;
        END IF;
        RETURN;
    ELSIF f.from_ms IS NOT NULL OR f.to_ms IS NOT NULL THEN
        v_on := on_time_bounds(f);
        -- the late entries of the range, from audit_entry_late (its condition written as the index has it), when
        -- there are no more than late_entries_cap() of them: then their rows are looked up by seq
        SELECT array_agg(l.seq) INTO v_late FROM (
            SELECT e.seq FROM audit_entry e
            WHERE abs(e.received_us / 1000 - e.ws_time_ms) > 86400000
              AND (f.from_ms IS NULL OR e.ws_time_ms >= f.from_ms) AND (f.to_ms IS NULL OR e.ws_time_ms < f.to_ms)
              AND (p_before IS NULL OR e.seq < p_before)
            ORDER BY e.ws_time_ms, e.seq LIMIT late_entries_cap() + 1) l;
        v_few := coalesce(cardinality(v_late), 0) <= late_entries_cap();
        -- (v_few is a constant of the plan: the late branch is either the seq lookups or V6's query)
        RETURN QUERY SELECT * FROM (
            (SELECT * FROM matching(f, NULL, v_on.lo + 1, least(p_before, v_on.hi)) m
             WHERE on_time(m.received_us, m.ws_time_ms) ORDER BY m.seq DESC LIMIT p_limit)
            UNION ALL
            (SELECT * FROM matching(f, NULL, NULL, p_before) m
             WHERE (NOT v_few OR m.seq = ANY (coalesce(v_late, '{}'))) AND NOT on_time(m.received_us, m.ws_time_ms)
             ORDER BY m.seq DESC LIMIT p_limit)) u
            ORDER BY u.seq DESC LIMIT p_limit;
        RETURN;
    END IF;
    -- a filter of one field with one value: which field, and the value (LIVE_QUERY is two: the value, and no channel)
    IF num_nonnulls(f.operator, f.workstation, f.decisions, f.service_result, f.error_keys, f.id_hash,
                    f.channels) = 1 THEN
        IF f.operator IS NOT NULL THEN
            v_col := 'operator';
            v_val := f.operator;
        ELSIF f.workstation IS NOT NULL THEN
            v_col := 'workstation';
            v_val := f.workstation;
        ELSIF cardinality(f.decisions) = 1 THEN
            v_col := 'decision';
            v_val := f.decisions[1];
        ELSIF f.service_result IS NOT NULL THEN
            v_col := 'service_result';
            v_val := f.service_result;
        ELSIF cardinality(f.error_keys) = 1 THEN
            v_col := CASE WHEN strpos(f.error_keys[1], ':') > 1 THEN 'reason' ELSE 'error_code' END;
            v_val := f.error_keys[1];
        ELSIF f.id_hash IS NOT NULL THEN
            v_col := 'id_hash';
            v_val := f.id_hash;
        ELSIF f.channels = ARRAY['LIVE_QUERY'] THEN
            v_col := 'live';
        ELSIF cardinality(f.channels) = 1 THEN
            v_col := 'channel';
            v_val := f.channels[1];
        END IF;
    END IF;
    -- (matching(NULL, ...): no other field, every entry below p_before)
    IF v_col = 'live' THEN
        -- the newest live queries and the newest entries without a channel (audit_entry_no_channel), merged
        RETURN QUERY SELECT * FROM (
            (SELECT * FROM matching(NULL, NULL, NULL, p_before) m
             WHERE m.channel >= 'LIVE_QUERY' AND m.channel <= 'LIVE_QUERY'
             ORDER BY m.channel, m.seq DESC LIMIT p_limit)
            UNION ALL
            (SELECT * FROM matching(NULL, NULL, NULL, p_before) m WHERE m.channel IS NULL
             ORDER BY m.seq DESC LIMIT p_limit)) u
            ORDER BY u.seq DESC LIMIT p_limit;
    ELSIF v_col IS NOT NULL THEN
        -- the value as a range, the field first in the ORDER BY (see the top of this file); a failure without a
        -- service code stated as matching() states it, so that audit_entry_error_reason's condition is met. v_col is
        -- one of the names above, the value a parameter.
        RETURN QUERY EXECUTE format('SELECT * FROM matching(NULL, NULL, NULL, $1) m'
                                    ' WHERE m.%1$I >= $2 AND m.%1$I <= $2%2$s ORDER BY m.%1$I, m.seq DESC LIMIT $3',
                                    v_col, CASE WHEN v_col = 'reason'
                                                THEN ' AND m.error_code IS NULL AND strpos(m.reason, '':'') > 1' END)
            USING p_before, v_val, p_limit;
    ELSE
        RETURN QUERY SELECT * FROM matching(f, NULL, NULL, p_before) ORDER BY seq DESC LIMIT p_limit;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION late_entries_cap() FROM PUBLIC;
