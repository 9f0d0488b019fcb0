-- Review search folds accents as SQLite's does (its FTS5 index tokenizes with `unicode61
-- remove_diacritics 2`): "Glöck" finds "glock" and "glock" finds "Glöck". Folding is contrib's
-- `unaccent` (shipped with Debian's postgresql package; a trusted extension, so the database's
-- owner may create it), behind an IMMUTABLE wrapper that the index expression and the queries
-- share (store/src/pg/review.rs). The wrapper names unaccent and its dictionary by the
-- extension's schema, so it does not depend on a session's search_path.
CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$
DECLARE
    s TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
               WHERE e.extname = 'unaccent');
BEGIN
    EXECUTE format(
        'CREATE FUNCTION armswatch_fold(t TEXT) RETURNS TEXT
         LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS %L',
        format('SELECT %I.unaccent(%L::regdictionary, t)', s, quote_ident(s) || '.unaccent'));
END;
$$;

-- A search's words (letters and digits, as `fts_query` keeps them) as a to_tsquery text: each
-- word folded, every word a required prefix. Characters that folding turns into tsquery syntax
-- (U+0149 becomes "'n", U+02BC "'") separate words, so the result is always plain words.
CREATE FUNCTION armswatch_prefix_query(words TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(w || ':*', ' & '), '')
    FROM regexp_split_to_table(armswatch_fold(words), '[[:space:]&|!():*<>''"\\]+') AS w
    WHERE w <> ''
$$;

DROP INDEX listings_search;
CREATE INDEX listings_search ON listings USING gin (
    to_tsvector('simple'::regconfig,
                armswatch_fold(coalesce(title, '') || ' ' || coalesce(description, '') || ' '
                               || coalesce(vendor, '')))
);
