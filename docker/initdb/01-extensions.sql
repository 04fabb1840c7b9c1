-- Run once by the postgres image's entrypoint when the data volume is first initialised
-- (as POSTGRES_USER, in POSTGRES_DB). The service's migrations also declare the extensions,
-- but creating them here keeps the setup equal to scripts/setup-postgres.sh.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS unaccent;
