-- The cost of an append, again (issue 13; `bench audit --audit-db URL`, docs/benchmarks.md): V2's GIN index on
-- name_grams(name) computes the grams of every appended entry's name inside append_entry, under the chain head's lock.
-- As an SQL function with a sub-select (never inlined), name_grams was planned again for every INSERT: about 150 µs
-- of the 300 µs an append then took on the build machine, and the lock's queue grew with it (p99 of 50 desks appending
-- at once, 5 million entries: 132 ms before V2, 205 ms with it; 145 ms with this). The same grams in PL/pgSQL, whose
-- statements are prepared once per session: 4-8 µs a name.
-- Same result for every name (checked against V2's on 95,000 synthetic names, NULL, '' and ASCII), so the index built
-- with V2's function stays valid: nothing is rebuilt. COST 1000 kept, so the planner still prefers the index.
CREATE OR REPLACE FUNCTION name_grams(v text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
DECLARE
    f     text    := waiverdesk.fold_ascii(v);
    n     integer := coalesce(length(f), 0);
    grams text[]  := '{}';
BEGIN
    -- every character, then every pair of adjacent characters, in that order (as V2's UNION ALL)
    FOR i IN 1 .. n LOOP
        grams := grams || substr(f, i, 1);
    END LOOP;
    FOR i IN 1 .. n - 1 LOOP
        grams := grams || substr(f, i, 2);
    END LOOP;
    RETURN grams;
END
$$;
