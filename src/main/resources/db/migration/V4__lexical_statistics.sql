-- BM25's corpus statistics, kept instead of counted per query: how many chunks hold each lexeme (document
-- frequency), and how many chunks and tokens there are, per text search configuration (today every chunk is read
-- with semsearch_french; a configuration per chunk only changes which one the triggers below record).
--
-- Writers never update these tables: a trigger on chunk appends the changes a statement makes to
-- statistics_change (no row is locked, so concurrent writers neither wait for each other nor deadlock, and a rolled
-- back write leaves no change behind), and fold_statistics_changes() adds the committed changes into the totals.
-- The service folds after each write it makes and every few seconds (semsearch.store.statistics-fold-interval):
-- readers see the statistics as of the last fold.

CREATE TABLE lexeme_statistics (
    config regconfig NOT NULL,
    lexeme text      NOT NULL,
    chunks bigint    NOT NULL, -- chunks whose text holds the lexeme
    PRIMARY KEY (config, lexeme)
);

CREATE TABLE corpus_statistics (
    config regconfig PRIMARY KEY,
    chunks bigint    NOT NULL,
    tokens bigint    NOT NULL -- sum of the chunks' token_count
);

-- lexeme NULL: a change of the corpus totals (chunks, tokens); otherwise a change of the lexeme's chunk count.
CREATE TABLE statistics_change (
    config regconfig NOT NULL,
    lexeme text,
    chunks bigint    NOT NULL,
    tokens bigint    NOT NULL
);

CREATE FUNCTION record_chunk_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO statistics_change (config, lexeme, chunks, tokens)
        SELECT regconfig 'semsearch_french', l.lexeme, -count(*), 0
        FROM old_chunks c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
        GROUP BY l.lexeme
        UNION ALL
        SELECT regconfig 'semsearch_french', NULL, -count(*), -coalesce(sum(c.token_count), 0)
        FROM old_chunks c HAVING count(*) > 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO statistics_change (config, lexeme, chunks, tokens)
        SELECT regconfig 'semsearch_french', l.lexeme, count(*), 0
        FROM new_chunks c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
        GROUP BY l.lexeme
        UNION ALL
        SELECT regconfig 'semsearch_french', NULL, count(*), coalesce(sum(c.token_count), 0)
        FROM new_chunks c HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER chunk_statistics_insert AFTER INSERT ON chunk REFERENCING NEW TABLE AS new_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();
CREATE TRIGGER chunk_statistics_update AFTER UPDATE ON chunk REFERENCING OLD TABLE AS old_chunks NEW TABLE AS new_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();
CREATE TRIGGER chunk_statistics_delete AFTER DELETE ON chunk REFERENCING OLD TABLE AS old_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();

CREATE FUNCTION clear_chunk_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM statistics_change;
    DELETE FROM lexeme_statistics;
    DELETE FROM corpus_statistics;
    RETURN NULL;
END $$;

CREATE TRIGGER chunk_statistics_truncate AFTER TRUNCATE ON chunk
    FOR EACH STATEMENT EXECUTE FUNCTION clear_chunk_statistics();

-- Adds the committed changes into the totals and returns how many change rows it folded. One fold at a time (an
-- advisory lock), so that two folds never upsert the same rows in different orders; each change is deleted, hence
-- counted, exactly once.
CREATE FUNCTION fold_statistics_changes() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    folded bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('semsearch.fold_statistics_changes'));
    WITH changes AS (
        DELETE FROM statistics_change RETURNING config, lexeme, chunks, tokens),
    lexemes AS (
        INSERT INTO lexeme_statistics AS s (config, lexeme, chunks)
        SELECT config, lexeme, sum(chunks) FROM changes WHERE lexeme IS NOT NULL
        GROUP BY config, lexeme ORDER BY config, lexeme
        ON CONFLICT (config, lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks),
    totals AS (
        INSERT INTO corpus_statistics AS s (config, chunks, tokens)
        SELECT config, sum(chunks), sum(tokens) FROM changes WHERE lexeme IS NULL GROUP BY config
        ON CONFLICT (config) DO UPDATE SET chunks = s.chunks + excluded.chunks, tokens = s.tokens + excluded.tokens)
    SELECT count(*) INTO folded FROM changes;
    RETURN folded;
END $$;

-- The statistics of the chunks stored before this migration.
INSERT INTO lexeme_statistics (config, lexeme, chunks)
SELECT regconfig 'semsearch_french', l.lexeme, count(*)
FROM chunk c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
GROUP BY l.lexeme;
INSERT INTO corpus_statistics (config, chunks, tokens)
SELECT regconfig 'semsearch_french', count(*), coalesce(sum(token_count), 0) FROM chunk HAVING count(*) > 0;
