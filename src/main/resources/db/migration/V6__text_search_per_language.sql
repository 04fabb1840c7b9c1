-- Each chunk is read with the text search configuration of its document's language: French and English stemming on
-- unaccented words, `simple` (lower case, no stemming, no stop words) for every other language, so that a document
-- in any language stays findable by its words. The configuration is the chunk's (text_search_config), set by a
-- trigger from its document's language and changed with it; BM25's statistics (V4) are kept per configuration.

-- English stemming on unaccented words, as semsearch_french: "café" and "cafe" match.
CREATE TEXT SEARCH CONFIGURATION semsearch_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION semsearch_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- The one place that maps a language (document.language, ISO 639-1, any case) to its configuration.
CREATE FUNCTION semsearch_text_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lower(btrim(language))
               WHEN 'fr' THEN regconfig 'semsearch_french'
               WHEN 'en' THEN regconfig 'semsearch_english'
               ELSE regconfig 'simple'
           END
$$;

-- The statistics are rebuilt below: no trigger records the rewrite of the chunks.
DROP TRIGGER chunk_statistics_insert ON chunk;
DROP TRIGGER chunk_statistics_update ON chunk;
DROP TRIGGER chunk_statistics_delete ON chunk;

-- French for the chunks stored so far (a default, hence no rewrite), then the others' own configuration.
ALTER TABLE chunk ADD COLUMN text_search_config regconfig NOT NULL DEFAULT regconfig 'semsearch_french';
UPDATE chunk c SET text_search_config = semsearch_text_search_config(d.language)
FROM document d
WHERE d.id = c.document_id AND semsearch_text_search_config(d.language) <> regconfig 'semsearch_french';
ALTER TABLE chunk ALTER COLUMN text_search_config DROP DEFAULT;

-- A generated column's expression cannot change: the column (and its index) is made again.
ALTER TABLE chunk DROP COLUMN text_search;
ALTER TABLE chunk ADD COLUMN text_search tsvector
    GENERATED ALWAYS AS (to_tsvector(text_search_config, text)) STORED;
CREATE INDEX chunk_text_search_idx ON chunk USING gin (text_search);

-- A chunk's configuration is its document's, whatever a writer says (generated columns are computed after BEFORE
-- triggers).
CREATE FUNCTION set_chunk_text_search_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.text_search_config := semsearch_text_search_config(
        (SELECT d.language FROM document d WHERE d.id = NEW.document_id));
    RETURN NEW;
END $$;

CREATE TRIGGER chunk_text_search_config BEFORE INSERT OR UPDATE ON chunk
    FOR EACH ROW EXECUTE FUNCTION set_chunk_text_search_config();

-- A document whose language changes has its chunks read again with the new language's configuration (set by the
-- trigger above; the update of the chunks records the change of the statistics).
CREATE FUNCTION follow_document_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE chunk SET text_search_config = semsearch_text_search_config(NEW.language) WHERE document_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER document_language_change AFTER UPDATE OF language ON document
    FOR EACH ROW
    WHEN (semsearch_text_search_config(OLD.language) IS DISTINCT FROM semsearch_text_search_config(NEW.language))
    EXECUTE FUNCTION follow_document_language();

-- V4's recording, per chunk configuration.
CREATE OR REPLACE FUNCTION record_chunk_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO statistics_change (config, lexeme, chunks, tokens)
        SELECT c.text_search_config, l.lexeme, -count(*), 0
        FROM old_chunks c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
        GROUP BY c.text_search_config, l.lexeme
        UNION ALL
        SELECT c.text_search_config, NULL, -count(*), -coalesce(sum(c.token_count), 0)
        FROM old_chunks c GROUP BY c.text_search_config;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO statistics_change (config, lexeme, chunks, tokens)
        SELECT c.text_search_config, l.lexeme, count(*), 0
        FROM new_chunks c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
        GROUP BY c.text_search_config, l.lexeme
        UNION ALL
        SELECT c.text_search_config, NULL, count(*), coalesce(sum(c.token_count), 0)
        FROM new_chunks c GROUP BY c.text_search_config;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER chunk_statistics_insert AFTER INSERT ON chunk REFERENCING NEW TABLE AS new_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();
CREATE TRIGGER chunk_statistics_update AFTER UPDATE ON chunk REFERENCING OLD TABLE AS old_chunks NEW TABLE AS new_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();
CREATE TRIGGER chunk_statistics_delete AFTER DELETE ON chunk REFERENCING OLD TABLE AS old_chunks
    FOR EACH STATEMENT EXECUTE FUNCTION record_chunk_statistics();

-- The statistics of the chunks stored before this migration, per configuration.
DELETE FROM statistics_change;
DELETE FROM lexeme_statistics;
DELETE FROM corpus_statistics;
INSERT INTO lexeme_statistics (config, lexeme, chunks)
SELECT c.text_search_config, l.lexeme, count(*)
FROM chunk c, unnest(tsvector_to_array(c.text_search)) AS l(lexeme)
GROUP BY c.text_search_config, l.lexeme;
INSERT INTO corpus_statistics (config, chunks, tokens)
SELECT text_search_config, count(*), coalesce(sum(token_count), 0) FROM chunk GROUP BY text_search_config;
