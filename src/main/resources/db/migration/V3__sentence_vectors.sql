-- Vectors of each chunk's sentences, pooled from the chunk's own forward pass at indexing time ("late chunking"),
-- so that answering needs no model call per sentence. sentence_spans holds start,end pairs into the chunk text;
-- sentence_embeddings the matching vectors, float32 little-endian, one after the other. NULL for chunks indexed
-- before this migration: answers then embed their sentences on the fly.
ALTER TABLE chunk
    ADD COLUMN sentence_spans      integer[],
    ADD COLUMN sentence_embeddings bytea;
-- Float vectors do not compress: out of line without trying to.
ALTER TABLE chunk ALTER COLUMN sentence_embeddings SET STORAGE EXTERNAL;
