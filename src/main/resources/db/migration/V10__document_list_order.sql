-- GET /api/documents lists documents oldest first, by (created_at, id): its pages by cursor start at a key of this
-- index instead of reading and skipping the rows before them.
CREATE INDEX IF NOT EXISTS document_created_at_id ON document (created_at, id);
