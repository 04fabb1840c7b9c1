-- A key's own sustained rate limit, in requests per second; null: its role's default
-- (semsearch.security.rate-limit.<role>-requests-per-second).
alter table api_key add column rate_limit integer check (rate_limit > 0);
