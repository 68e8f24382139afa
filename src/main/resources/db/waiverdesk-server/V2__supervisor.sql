-- The supervisor's side of the audit server: search, count, charts, one entry, the review queue and reviews, and
-- exports, each through a SECURITY DEFINER function that records itself in the access chain under session_user
-- (append_access) before anything is read. A supervisor login still has no table privilege at all.
--
-- What is recorded, and why not every call:
--   OPEN_AUDIT     sign-in: record_action (V1).
--   SEARCH         a filter's entries, count or charts; the review queue; the list of error keys. The detail is the
--                  filter in words (AuditFilter.describe(): never the name fragment or the ID hash themselves) and a
--                  keyed fingerprint of the whole filter, so two searches for different names are told apart while
--                  the access log still holds no name. One screen search asks for a page, its count and its charts,
--                  and scrolling asks for more pages: recording each call would bury the searches an inspector looks
--                  for under ten links apiece. So a call records SEARCH unless the caller's own SEARCH of the very
--                  same filter (same fingerprint) was recorded in the last 15 minutes; a first page (p_new_search,
--                  the supervisor pressed Search) is always recorded. The rule is the server's: a client cannot read
--                  a filter it has not been recorded searching lately, whatever it sends.
--   VIEW_ENTRY     one entry by its number (view_entry), with entry_seq set.
--   EXPORT_CSV / EXPORT_FHIR
--                  once per export, in its own committed transaction (export_begin) before any row is read; the
--                  export then streams every row through one cursor (export_open), which accepts each recorded export
--                  once, for the same filter, by the same login, within 10 minutes. Recording in the streaming
--                  transaction itself would leave an export that failed (or was made to fail) half-way unrecorded.
--   REVIEW_APPROVED / REVIEW_REJECTED
--                  review_entry: the review is the access link itself, checked in the same transaction.

-- what the supervisor searches for (com.waiverdesk.audit.AuditFilter); null fields do not filter
CREATE TYPE audit_filter AS (
    from_ms         bigint,  -- ws_time_ms, inclusive
    to_ms           bigint,  -- ws_time_ms, exclusive
    operator        text,
    workstation     text,
    decisions       text[],  -- any of these (DecisionKind names)
    service_result  text,
    error_keys      text[],  -- any of these: a service error code, or a reason holding ':' (ErrorKeys)
    name            text,    -- a part of the name, ASCII letters folded
    id_hash         text,
    channels        text[]   -- any of these (Channel names); LIVE_QUERY includes entries without a channel
);

-- an entry with what the supervisor sees beside it: whether its decision never showed, and its review
CREATE VIEW entry_view AS
SELECT e.*,
       EXISTS (SELECT 1 FROM access_entry n WHERE n.entry_seq = e.seq AND n.action = 'DECISION_NOT_SHOWN')
           AS not_shown,
       r.action AS review_action, r.detail AS review_detail, r.time_ms AS review_time_ms,
       r.supervisor AS review_supervisor, r.workstation AS review_workstation
FROM audit_entry e
LEFT JOIN access_entry r ON r.entry_seq = e.seq AND r.action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED');

-- the name fragment is matched as SQLite's LIKE does on the workstation: anywhere, ASCII letters folded, nothing else
CREATE FUNCTION fold_ascii(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(v, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;

-- Every character and every pair of adjacent characters of the folded name: a GIN index over them finds the names
-- holding a rare fragment (the pairs of the fragment, or its one character) in any language and any locale, where
-- pg_trgm needs three characters and word characters of the database's locale (a Chinese name has two or three).
CREATE FUNCTION name_grams(v text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
    SELECT ARRAY(SELECT substr(f, i, 1) FROM generate_series(1, length(f)) i
                 UNION ALL
                 SELECT substr(f, i, 2) FROM generate_series(1, length(f) - 1) i)
    FROM (SELECT waiverdesk.fold_ascii(v) AS f) s
$$;

-- what a name holding the (folded) fragment has among its grams
CREATE FUNCTION fragment_grams(v text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL THEN NULL
                WHEN length(v) = 1 THEN ARRAY[v]
                ELSE ARRAY(SELECT DISTINCT substr(v, i, 2) FROM generate_series(1, length(v) - 1) i) END
$$;

CREATE FUNCTION error_codes(keys text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT k FROM unnest(keys) k WHERE strpos(k, ':') <= 1)
$$;

CREATE FUNCTION error_reasons(keys text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT k FROM unnest(keys) k WHERE strpos(k, ':') > 1)
$$;

-- The entries of a filter, as one statement the planner sees whole (this function is inlined: SQL, STABLE, no SET):
-- each condition of an unset field folds to true, and a one-element list to an equality an index serves in seq order.
-- p_grams adds the name-gram condition (the GIN index) for callers that want it; p_seq_from/p_seq_below bound seq.
CREATE FUNCTION matching(f audit_filter, p_grams text[], p_seq_from bigint, p_seq_below bigint)
    RETURNS SETOF entry_view LANGUAGE sql STABLE AS $$
    SELECT * FROM waiverdesk.entry_view e
    WHERE (p_seq_below IS NULL OR e.seq < p_seq_below)
      AND (p_seq_from IS NULL OR e.seq >= p_seq_from)
      AND (f.from_ms IS NULL OR e.ws_time_ms >= f.from_ms)
      AND (f.to_ms IS NULL OR e.ws_time_ms < f.to_ms)
      AND (f.operator IS NULL OR e.operator = f.operator)
      AND (f.workstation IS NULL OR e.workstation = f.workstation)
      AND (f.decisions IS NULL
           OR cardinality(f.decisions) = 1 AND e.decision = f.decisions[1]
           OR cardinality(f.decisions) > 1 AND e.decision = ANY (f.decisions))
      AND (f.service_result IS NULL OR e.service_result = f.service_result)
      AND (f.error_keys IS NULL
           OR cardinality(waiverdesk.error_codes(f.error_keys)) = 1
              AND e.error_code = (waiverdesk.error_codes(f.error_keys))[1]
           OR cardinality(waiverdesk.error_codes(f.error_keys)) > 1
              AND e.error_code = ANY (waiverdesk.error_codes(f.error_keys))
           OR cardinality(waiverdesk.error_reasons(f.error_keys)) = 1
              AND e.error_code IS NULL AND strpos(e.reason, ':') > 1
              AND e.reason = (waiverdesk.error_reasons(f.error_keys))[1]
           OR cardinality(waiverdesk.error_reasons(f.error_keys)) > 1
              AND e.error_code IS NULL AND strpos(e.reason, ':') > 1
              AND e.reason = ANY (waiverdesk.error_reasons(f.error_keys)))
      -- (a fragment without ASCII letters is in the folded name exactly when it is in the name: no folding per row)
      AND (f.name IS NULL OR strpos(CASE WHEN f.name ~ '[a-z]' THEN waiverdesk.fold_ascii(e.name) ELSE e.name END,
                                    f.name) > 0)
      AND (p_grams IS NULL OR waiverdesk.name_grams(e.name) @> p_grams)
      AND (f.id_hash IS NULL OR e.id_hash = f.id_hash)
      AND (f.channels IS NULL
           OR cardinality(f.channels) = 1 AND f.channels[1] <> 'LIVE_QUERY' AND e.channel = f.channels[1]
           OR (cardinality(f.channels) > 1 OR f.channels[1] = 'LIVE_QUERY')
              AND (e.channel = ANY (f.channels) OR 'LIVE_QUERY' = ANY (f.channels) AND e.channel IS NULL))
$$;

-- the filter in its one canonical form (lists sorted and without repeats, empty lists and an empty fragment unset, the
-- fragment's ASCII letters folded); refuses a decision or channel this program does not have
CREATE FUNCTION checked_filter(f audit_filter) RETURNS audit_filter LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    c_decisions CONSTANT text[] := ARRAY['WAIVE', 'REDUCE', 'CHARGE', 'CANNOT_VERIFY', 'INVALID_INPUT'];
    c_channels  CONSTANT text[] := ARRAY['LIVE_QUERY', 'ECERT_ONLINE', 'ECERT_OFFLINE', 'PAPER'];
    r audit_filter;
BEGIN
    IF f IS NULL THEN
        RETURN r;
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(f.decisions) d WHERE d IS NULL OR d <> ALL (c_decisions))
            OR EXISTS (SELECT 1 FROM unnest(f.channels) c WHERE c IS NULL OR c <> ALL (c_channels))
            OR EXISTS (SELECT 1 FROM unnest(f.error_keys) k WHERE k IS NULL OR k = '') THEN
        RAISE EXCEPTION 'the filter names a decision, channel or error this program does not have'
            USING ERRCODE = '22023';
    END IF;
    r.from_ms := f.from_ms;
    r.to_ms := f.to_ms;
    r.operator := f.operator;
    r.workstation := f.workstation;
    r.decisions := nullif(ARRAY(SELECT d FROM (SELECT DISTINCT d FROM unnest(f.decisions) d) s
                                ORDER BY array_position(c_decisions, d)), '{}');
    r.service_result := f.service_result;
    r.error_keys := nullif(ARRAY(SELECT DISTINCT k COLLATE "C" FROM unnest(f.error_keys) k ORDER BY 1), '{}');
    r.name := nullif(fold_ascii(f.name), '');
    r.id_hash := f.id_hash;
    r.channels := nullif(ARRAY(SELECT c FROM (SELECT DISTINCT c FROM unnest(f.channels) c) s
                               ORDER BY array_position(c_channels, c)), '{}');
    RETURN r;
END
$$;

-- the filter in the words of AuditFilter.describe() (which fields were set; never the fragment or the hash)
CREATE FUNCTION describe_filter(f audit_filter) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(nullif(concat_ws(', ', 'from=' || f.from_ms, 'to=' || f.to_ms, 'operator=' || f.operator,
            'workstation=' || f.workstation, 'decision=' || array_to_string(f.decisions, '|'),
            'result=' || f.service_result, 'error=' || array_to_string(f.error_keys, '|'),
            'name=(fragment of ' || char_length(f.name) || ' characters)',
            CASE WHEN f.id_hash IS NOT NULL THEN 'id=(exact ID)' END,
            'channel=' || array_to_string(f.channels, '|')), ''), 'all entries')
$$;

CREATE FUNCTION canon_texts(v text[]) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v IS NULL THEN '\x00'::bytea
                ELSE canon_int(cardinality(v)) || coalesce((SELECT string_agg(canon_text(x), ''::bytea ORDER BY i)
                                                            FROM unnest(v) WITH ORDINALITY AS u(x, i)), '') END
$$;

-- The access detail of a search: its words, and 16 hex digits of a keyed hash of the whole (checked) filter. Keyed
-- with a key derived from the hospital's ID-hash key, which no login can read: an unkeyed hash of a two-character
-- name fragment would give the fragment back to anyone who tries the few hundred million pairs.
CREATE FUNCTION filter_detail(f audit_filter) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT describe_filter(f) || '; filter ' || left(encode(sha256(k || sha256(k
               || canon_int(f.from_ms) || canon_int(f.to_ms) || canon_text(f.operator) || canon_text(f.workstation)
               || canon_texts(f.decisions) || canon_text(f.service_result) || canon_texts(f.error_keys)
               || canon_text(f.name) || canon_text(f.id_hash) || canon_texts(f.channels))), 'hex'), 16)
    FROM (SELECT sha256(convert_to('waiverdesk-search-fingerprint-1', 'UTF8') || id_hash_key) AS k FROM settings) s
$$;

-- SEARCH unless this login's SEARCH with the same detail is less than 15 minutes old (see the top of this file)
CREATE FUNCTION record_search(p_time_ms bigint, p_workstation text, p_detail text, p_always boolean)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_always OR NOT EXISTS (SELECT 1 FROM access_entry WHERE writer = session_user
                                   AND received_us > now_us() - 900000000 AND action = 'SEARCH'
                                   AND detail = p_detail) THEN
        PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'SEARCH', p_detail, NULL);
    END IF;
END
$$;

-- rows walked newest first for a name fragment before the gram index is asked: a common fragment fills the page there
CREATE FUNCTION name_window() RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT 20000::bigint';

-- The name grams to add for a count, the charts or an export, which read every match: for a filter that matches few
-- of the newest entries (a rare fragment), the gram index; for a common one none, since reading most of the table
-- through the index costs more than walking it (and a lossy bitmap would compute name_grams again on each row).
CREATE FUNCTION grams_worth_it(f audit_filter) RETURNS text[] LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_top bigint;
    v_n   bigint;
BEGIN
    IF f.name IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT seq + 1 INTO v_top FROM chain_head WHERE chain = 'checks';
    SELECT count(*) INTO v_n FROM (SELECT 1 FROM matching(f, NULL, v_top - name_window(), v_top) LIMIT 200) s;
    RETURN CASE WHEN v_n < 200 THEN fragment_grams(f.name) END;
END
$$;

-- An entry is on time when the server took it within a day of its workstation time (either way); the rest (forwarded
-- after a long outage, imported by `audit migrate`, a workstation clock a day off) have an index of their own.
CREATE FUNCTION on_time(p_received_us bigint, p_ws_time_ms bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT abs(p_received_us / 1000 - p_ws_time_ms) <= 86400000
$$;

-- The seqs between which every on-time entry of the filter's time range lies (exclusive; null: unbounded). Seqs are
-- given in the order the server took entries, so an on-time entry three days past the range's end was taken after
-- every on-time entry of the range (a day of margin on each side, and one for the server's clock stepping back), and
-- one three days before its start before them. Walking seqs newest first inside these bounds finds a range far in the
-- past as fast as a recent one; without them it would read every newer entry first.
CREATE FUNCTION on_time_bounds(f audit_filter, OUT lo bigint, OUT hi bigint) LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF f.to_ms IS NOT NULL THEN
        SELECT seq INTO hi FROM audit_entry
        WHERE ws_time_ms >= f.to_ms + 259200000 AND on_time(received_us, ws_time_ms)
        ORDER BY ws_time_ms, seq LIMIT 1;
    END IF;
    IF f.from_ms IS NOT NULL THEN
        SELECT seq INTO lo FROM audit_entry
        WHERE ws_time_ms < f.from_ms - 259200000 AND on_time(received_us, ws_time_ms)
        ORDER BY ws_time_ms DESC, seq DESC LIMIT 1;
    END IF;
END
$$;

-- One page of a filter, newest first: the entries with seq < p_before (null: from the newest), at most p_limit. Three
-- ways, whichever the filter needs: a name fragment walks the newest name_window() entries, then asks the gram index;
-- a time range walks the on-time entries inside on_time_bounds and adds the others from their index; any other filter
-- is one statement the planner sees whole.
CREATE FUNCTION search_page(p_time_ms bigint, p_workstation text, p_filter audit_filter, p_new_search boolean,
                            p_before bigint, p_limit integer) RETURNS SETOF entry_view
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f     audit_filter := checked_filter(p_filter);
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
        SELECT least(coalesce(p_before, seq + 1), seq + 1) INTO v_top FROM chain_head WHERE chain = 'checks';
        v_lo := v_top - name_window();
        RETURN QUERY SELECT * FROM matching(f, NULL, v_lo, v_top) ORDER BY seq DESC LIMIT p_limit;
        GET DIAGNOSTICS v_n = ROW_COUNT;
        IF v_n < p_limit AND v_lo > 1 THEN
            RETURN QUERY SELECT * FROM matching(f, fragment_grams(f.name), NULL, v_lo) ORDER BY seq DESC
                LIMIT p_limit - v_n;
        END IF;
    ELSIF f.from_ms IS NOT NULL OR f.to_ms IS NOT NULL THEN
        v_on := on_time_bounds(f);
        RETURN QUERY SELECT * FROM (
            (SELECT * FROM matching(f, NULL, v_on.lo + 1, least(p_before, v_on.hi)) m
             WHERE on_time(m.received_us, m.ws_time_ms) ORDER BY m.seq DESC LIMIT p_limit)
            UNION ALL
            (SELECT * FROM matching(f, NULL, NULL, p_before) m
             WHERE NOT on_time(m.received_us, m.ws_time_ms) ORDER BY m.seq DESC LIMIT p_limit)) u
            ORDER BY u.seq DESC LIMIT p_limit;
    ELSE
        RETURN QUERY SELECT * FROM matching(f, NULL, NULL, p_before) ORDER BY seq DESC LIMIT p_limit;
    END IF;
END
$$;

CREATE FUNCTION search_count(p_time_ms bigint, p_workstation text, p_filter audit_filter) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f       audit_filter := checked_filter(p_filter);
    -- a variable, so the plan gets its value: a function call there would run again for every row
    v_grams text[];
    v_n     bigint;
BEGIN
    PERFORM record_search(p_time_ms, p_workstation, filter_detail(f), false);
    v_grams := grams_worth_it(f);
    SELECT count(*) INTO v_n FROM matching(f, v_grams, NULL, NULL);
    RETURN v_n;
END
$$;

-- the calendar day of p_zone (a region such as Asia/Shanghai, or an offset such as +08:00: a bare offset would be read
-- as a POSIX zone, east and west swapped) at workstation time p_ms, and the epoch ms at which a local day starts
CREATE FUNCTION local_day(p_ms bigint, p_zone text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE WHEN p_zone ~ '^[+-]' THEN timezone(p_zone::interval, to_timestamp(p_ms / 1000.0))
                 ELSE timezone(p_zone, to_timestamp(p_ms / 1000.0)) END)::date
$$;

CREATE FUNCTION local_midnight(p_day date, p_zone text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT (extract(epoch FROM CASE WHEN p_zone ~ '^[+-]' THEN timezone(p_zone::interval, p_day::timestamp)
                                    ELSE timezone(p_zone, p_day::timestamp) END) * 1000)::bigint
$$;

-- The chart series of a filter (com.waiverdesk.audit.AuditCharts): checks per local day and decision, per operator,
-- per channel (none: a live query) and per workstation, in one pass over the matches. A match's day is found by
-- width_bucket among the local midnights of the filter's span (a binary search in C, exact in every zone, daylight
-- saving included): grouping by the day itself keeps a few thousand groups where grouping by time would keep millions.
CREATE FUNCTION search_charts(p_time_ms bigint, p_workstation text, p_filter audit_filter, p_zone text)
    RETURNS TABLE (series text, day date, key text, n bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp SET plan_cache_mode = force_custom_plan
    AS $$
DECLARE
    f        audit_filter := checked_filter(p_filter);
    v_grams  text[];
    v_first  bigint;
    v_last   bigint;
    v_day0   date;
    v_bounds bigint[];
BEGIN
    IF p_zone IS NULL OR p_zone ~ '^[+-]' AND p_zone !~ '^[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?$' THEN
        RAISE EXCEPTION 'a zone is a region name or an offset such as +08:00' USING ERRCODE = '22023';
    END IF;
    PERFORM record_search(p_time_ms, p_workstation, filter_detail(f), false);
    v_grams := grams_worth_it(f);
    SELECT min(ws_time_ms), max(ws_time_ms) INTO v_first, v_last FROM audit_entry
    WHERE (f.from_ms IS NULL OR ws_time_ms >= f.from_ms) AND (f.to_ms IS NULL OR ws_time_ms < f.to_ms);
    IF v_first IS NULL THEN
        RETURN;
    END IF;
    v_day0 := local_day(v_first, p_zone);
    v_bounds := ARRAY(SELECT local_midnight(d::date, p_zone)
                      FROM generate_series(v_day0 + 1, local_day(v_last, p_zone), interval '1 day') d ORDER BY 1);
    RETURN QUERY
    WITH g AS (
        SELECT m.bucket, m.decision, m.operator, m.channel, m.workstation, count(*) AS c
        -- OFFSET 0: estimated from ws_time_ms (nearly unique) the planner would expect millions of days and sort every
        -- match on disk twice; not knowing, it hashes each set, which holds a few thousand groups
        FROM (SELECT width_bucket(x.ws_time_ms, v_bounds) AS bucket, x.decision, x.operator,
                     coalesce(x.channel, 'LIVE_QUERY') AS channel, x.workstation
              FROM matching(f, v_grams, NULL, NULL) x OFFSET 0) m
        GROUP BY GROUPING SETS ((m.bucket, m.decision), (m.operator), (m.channel), (m.workstation))
    )
    SELECT 'day', v_day0 + g.bucket, g.decision, g.c FROM g WHERE g.decision IS NOT NULL
    UNION ALL SELECT 'operator', NULL, g.operator, g.c FROM g WHERE g.operator IS NOT NULL
    UNION ALL SELECT 'channel', NULL, g.channel, g.c FROM g WHERE g.channel IS NOT NULL
    UNION ALL SELECT 'workstation', NULL, g.workstation, g.c FROM g WHERE g.workstation IS NOT NULL;
END
$$;

-- the error keys that occur (ErrorKeys): what the error filter offers
CREATE FUNCTION error_keys(p_time_ms bigint, p_workstation text) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    PERFORM record_search(p_time_ms, p_workstation, 'error keys', false);
    RETURN QUERY SELECT k FROM (SELECT DISTINCT error_code AS k FROM audit_entry WHERE error_code IS NOT NULL
                                UNION
                                SELECT DISTINCT reason FROM audit_entry
                                WHERE error_code IS NULL AND strpos(reason, ':') > 1) s
                 ORDER BY k COLLATE "C";
END
$$;

-- one entry by its number, recorded as VIEW_ENTRY (also when there is none)
CREATE FUNCTION view_entry(p_time_ms bigint, p_workstation text, p_seq bigint) RETURNS SETOF entry_view
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    PERFORM append_access(p_time_ms, session_user::text, p_workstation, 'VIEW_ENTRY', 'entry ' || p_seq, p_seq);
    RETURN QUERY SELECT * FROM entry_view WHERE seq = p_seq;
END
$$;

-- paper-certificate entries without a review, oldest first
CREATE FUNCTION review_queue(p_time_ms bigint, p_workstation text) RETURNS SETOF entry_view
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
BEGIN
    PERFORM record_search(p_time_ms, p_workstation, 'review queue (paper entries pending review)', false);
    RETURN QUERY SELECT * FROM entry_view WHERE channel = 'PAPER' AND review_action IS NULL ORDER BY seq;
END
$$;

-- Java's String.strip(): the characters Character.isWhitespace calls whitespace
CREATE FUNCTION strip_java(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(v, E' \t\n\r\f' || chr(11) || chr(28) || chr(29) || chr(30) || chr(31) || chr(5760)
                    || chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198)
                    || chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8287) || chr(12288))
$$;

-- A supervisor's review of a paper entry, the access link being the review (as SqliteAuditLog.recordReview): refused,
-- with nothing written, for no such entry (WD001), not paper (WD002), reviewed already (WD003: the first counts,
-- also when two supervisors press at once), a rejection without a reason (WD004), a reason over 500 characters
-- (WD005). Returns the review's seq in the access chain.
CREATE FUNCTION review_entry(p_time_ms bigint, p_workstation text, p_seq bigint, p_approved boolean, p_reason text)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_reason  text := coalesce(strip_java(p_reason), '');
    v_channel text;
BEGIN
    IF p_approved IS NULL THEN
        RAISE EXCEPTION 'a review approves or rejects' USING ERRCODE = '22004';
    END IF;
    IF NOT p_approved AND v_reason = '' THEN
        RAISE EXCEPTION 'a rejection of entry % needs a reason', p_seq USING ERRCODE = 'WD004';
    END IF;
    IF char_length(v_reason) > 500 THEN
        RAISE EXCEPTION 'the reason for entry % is longer than 500 characters', p_seq USING ERRCODE = 'WD005';
    END IF;
    -- the access chain's head serializes reviews: the second of two at once sees the first
    PERFORM 1 FROM chain_head WHERE chain = 'access' FOR UPDATE;
    SELECT channel INTO v_channel FROM audit_entry WHERE seq = p_seq;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no entry %', p_seq USING ERRCODE = 'WD001';
    END IF;
    IF v_channel IS DISTINCT FROM 'PAPER' THEN
        RAISE EXCEPTION 'entry % is not a paper certificate', p_seq USING ERRCODE = 'WD002';
    END IF;
    IF EXISTS (SELECT 1 FROM access_entry WHERE entry_seq = p_seq
                   AND action IN ('REVIEW_APPROVED', 'REVIEW_REJECTED')) THEN
        RAISE EXCEPTION 'entry % has been reviewed already', p_seq USING ERRCODE = 'WD003';
    END IF;
    RETURN append_access(p_time_ms, session_user::text, p_workstation,
                         CASE WHEN p_approved THEN 'REVIEW_APPROVED' ELSE 'REVIEW_REJECTED' END,
                         'entry ' || p_seq || '; reason: ' || v_reason, p_seq);
END
$$;

-- each recorded export: the anchor it carries, and whether its rows have been streamed (each record opens one stream)
CREATE TABLE export_ticket (
    access_seq  bigint PRIMARY KEY,
    anchor_id   bigint NOT NULL,
    opened_us   bigint
);

-- Records an export of the filter (EXPORT_CSV or EXPORT_FHIR), anchors both chains' heads for it, and returns its
-- access seq: the ticket export_open takes. Call it in a transaction of its own, committed before export_open (the
-- anchor's row locks are held only until then, never while rows stream).
CREATE FUNCTION export_begin(p_time_ms bigint, p_workstation text, p_action text, p_filter audit_filter)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = waiverdesk, pg_temp AS $$
DECLARE
    v_seq bigint;
BEGIN
    IF p_action IS NULL OR p_action NOT IN ('EXPORT_CSV', 'EXPORT_FHIR') THEN
        RAISE EXCEPTION 'an export is EXPORT_CSV or EXPORT_FHIR' USING ERRCODE = '22023';
    END IF;
    v_seq := append_access(p_time_ms, session_user::text, p_workstation, p_action,
                           filter_detail(checked_filter(p_filter)), NULL);
    INSERT INTO export_ticket VALUES (v_seq, anchor(), NULL);
    RETURN v_seq;
END
$$;

-- The rows of a recorded export (p_ticket from export_begin, the same filter), newest first, through the anchored
-- head of the check chain: one cursor (FETCH from it in this transaction) and the facts the export carries. Accepts
-- each ticket once, from the login that recorded it, within 10 minutes. Run it in a REPEATABLE READ transaction so the
-- count and the rows are one snapshot.
CREATE FUNCTION export_open(p_ticket bigint, p_filter audit_filter, OUT rows refcursor, OUT total bigint,
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
            m.holder_from_certificate, m.received_us, m.writer, m.spooled_ms, m.prev_hash, m.entry_hash,
            m.review_action, m.review_detail, m.review_time_ms, m.review_supervisor, m.review_workstation
        FROM matching(f, v_grams, NULL, checks_seq + 1) m ORDER BY m.seq DESC;
END
$$;

-- the failures without a service code, as the error filter and error_keys ask for them
CREATE INDEX audit_entry_error_reason ON audit_entry (reason, seq DESC)
    WHERE error_code IS NULL AND strpos(reason, ':') > 1;
CREATE INDEX audit_entry_error_code ON audit_entry (error_code, seq DESC) WHERE error_code IS NOT NULL;
CREATE INDEX audit_entry_service_result ON audit_entry (service_result, seq DESC);
-- without the pending list: its clean-up would land on one desk's append now and then
CREATE INDEX audit_entry_name_grams ON audit_entry USING gin (name_grams(name)) WITH (fastupdate = off);
-- the entries not on time, for a time range (on_time_bounds)
CREATE INDEX audit_entry_late ON audit_entry (ws_time_ms, seq) WHERE abs(received_us / 1000 - ws_time_ms) > 86400000;
-- how many entries are late: without it the planner guesses a third of the log and, for a range a year back, walks
-- every newer entry looking for them
CREATE STATISTICS audit_entry_lateness ON (abs(received_us / 1000 - ws_time_ms)) FROM audit_entry;
-- record_search's look at the caller's recent links
CREATE INDEX access_entry_writer ON access_entry (writer, received_us);

ANALYZE audit_entry;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA waiverdesk FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA waiverdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_page(bigint, text, audit_filter, boolean, bigint, integer),
    search_count(bigint, text, audit_filter), search_charts(bigint, text, audit_filter, text),
    error_keys(bigint, text), view_entry(bigint, text, bigint), review_queue(bigint, text),
    review_entry(bigint, text, bigint, boolean, text), export_begin(bigint, text, text, audit_filter),
    export_open(bigint, audit_filter)
    TO waiverdesk_supervisor;
