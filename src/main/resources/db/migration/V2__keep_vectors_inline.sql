-- pgvector's type defaults to external storage: with the chunk text and its tsvector, rows pass the TOAST
-- threshold and each vector moves out of line, so exact scans (filtered searches) fetch every vector from the
-- TOAST table. MAIN keeps vectors in the row and moves the text columns out first. Applies to rows written from
-- now on.
ALTER TABLE chunk ALTER COLUMN embedding SET STORAGE MAIN;
