-- Documents and their chunks, with the chunk embeddings (pgvector) and a French full-text index.
-- The vector extension needs a superuser: scripts/setup-postgres.sh creates it beforehand; IF NOT EXISTS
-- makes this a no-op then, and creates it where the migrating role may (e.g. the compose database owner).
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- French stemming on unaccented words: "général" and "general" match.
CREATE TEXT SEARCH CONFIGURATION semsearch_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION semsearch_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE document (
    id              uuid PRIMARY KEY,
    source          text        NOT NULL,
    title           text        NOT NULL,
    content         text        NOT NULL,
    content_sha256  char(64)    NOT NULL,
    language        varchar(16) NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    embedding_model text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT document_source_unique UNIQUE (source)
);

CREATE INDEX document_metadata_idx ON document USING gin (metadata jsonb_path_ops);

CREATE TABLE chunk (
    id           uuid PRIMARY KEY,
    document_id  uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal      integer     NOT NULL,
    text         text        NOT NULL,
    start_offset integer     NOT NULL,
    end_offset   integer     NOT NULL,
    token_count  integer     NOT NULL,
    embedding    vector(384) NOT NULL,
    text_search  tsvector GENERATED ALWAYS AS (to_tsvector('semsearch_french'::regconfig, text)) STORED,
    CONSTRAINT chunk_ordinal_unique UNIQUE (document_id, ordinal),
    CONSTRAINT chunk_offsets_valid CHECK (start_offset >= 0 AND end_offset > start_offset)
);

CREATE INDEX chunk_embedding_hnsw_idx ON chunk USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunk_text_search_idx ON chunk USING gin (text_search);
