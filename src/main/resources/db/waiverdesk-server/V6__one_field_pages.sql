-- First pages that do not depend on where a value's entries lie in seq order (issue 13: first page of every filter
-- <= 100 ms on 5,000,000 entries; measured by `bench audit --audit-db URL --only read`, docs/benchmarks.md; found by
-- the bench after entries of other windows had been appended on top of the 5 million). Three parts:
--   1. search_page: a filter on one field takes its page from that field's index, whatever the seqs of its entries;
--   2. audit_entry_no_channel: the entries without a channel (before schema version 4) in seq order, which part 1
--      needs for the LIVE_QUERY channel (drop the two together, or neither);
--   3. access_entry_not_shown: entry_view's not-shown mark read from an index instead of the whole access log.
-- search_page looks the newest seq up as V5's grams_worth_it does (max(seq) of audit_entry: the chain's head may be a
-- few entries behind) in its name branch.
--
-- 1. The first page of a filter on one field walked the primary key backwards once a few hundred thousand entries of
-- other windows had been appended (docs/benchmarks.md: workstation 104-179 ms on 5 million entries). For `ORDER BY
-- seq DESC LIMIT n` the planner weighs walking seqs newest first, dropping the entries of other values (n / share
-- rows, heap read in seq order), against walking the field's index (field, seq DESC) (n rows, a random heap read
-- each), and above a share of a few per cent it takes the primary key. The share is right; what it cannot know is
-- that none of the value's entries is among the newest 300,000: no statistic describes where in seq order a value's
-- entries lie. Nor does `ORDER BY field, seq DESC` help: with `field = value` PostgreSQL drops the field from the
-- ORDER BY as a constant and plans `ORDER BY seq DESC` (walked the primary key past 400,986 entries all the same).
--
-- So a filter on one field states the value as the range [value, value] and orders by (field, seq DESC): the same
-- entries (in a deterministic collation, as a database's default collation is, strings equal by >= and <= are equal
-- by =) in the same order (one value of the field), but now only the field's own index gives that order without
-- sorting every match, and that index is walked for n entries whatever their seqs; a later page (seq < p_before)
-- starts inside it at (value, p_before). A filter of several fields, a time range or a name fragment keeps its way.

-- 2. The LIVE_QUERY channel is two: 'LIVE_QUERY' and none (entries written before channels were recorded, which the
-- partial audit_entry_channel leaves out). Its page merges the newest of each; the second needs this index, else it
-- would walk seqs past every entry that has a channel. An entry gets into it only without a channel: since schema
-- version 4 every entry has one, so appends do not grow it.
CREATE INDEX audit_entry_no_channel ON audit_entry (seq DESC) WHERE channel IS NULL;

-- 3. entry_view marks an entry whose decision never showed with EXISTS (... access_entry ... 'DECISION_NOT_SHOWN').
-- The planner, expecting every match of the filter (not the page's n) to ask, hashes all DECISION_NOT_SHOWN links
-- first, and without an index that is a scan of the whole access log on every page of every filter: 18-20 ms
-- a page with 155,000 links (a year of a hospital's searches and views), growing with the log. With this index it
-- reads the few not-shown links alone (0.15 ms for 1,400). Only DECISION_NOT_SHOWN links are added to it.
CREATE INDEX access_entry_not_shown ON access_entry (entry_seq) WHERE action = 'DECISION_NOT_SHOWN';

-- 1.
-- One page of a filter, newest first: the entries with seq < p_before (null: from the newest), at most p_limit. Four
-- ways, whichever the filter needs: a name fragment walks the newest name_window() entries, then asks the gram index;
-- a time range walks the on-time entries inside on_time_bounds and adds the others from their index; a filter of one
-- field walks that field's index; any other filter is one statement the planner sees whole.
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
        RETURN QUERY SELECT * FROM (
            (SELECT * FROM matching(f, NULL, v_on.lo + 1, least(p_before, v_on.hi)) m
             WHERE on_time(m.received_us, m.ws_time_ms) ORDER BY m.seq DESC LIMIT p_limit)
            UNION ALL
            (SELECT * FROM matching(f, NULL, NULL, p_before) m
             WHERE NOT on_time(m.received_us, m.ws_time_ms) ORDER BY m.seq DESC LIMIT p_limit)) u
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
