-- Range filters on document metadata (io.semsearch.document.MetadataFilter): a value is compared only with bounds of
-- its own JSON type, and a value that is not one reads as null, which no comparison holds for.

-- A JSON number as numeric.
CREATE FUNCTION metadata_number(value jsonb) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(value) = 'number' THEN value::numeric END;

-- A JSON string holding an ISO-8601 date (2024-10-18) or date and time (2024-10-18T09:30, 2024-10-18T09:30:00.5+02:00,
-- ...Z) as an instant, UTC when it gives no offset; the same rules as MetadataFilter.instant.
CREATE FUNCTION metadata_instant(value jsonb) RETURNS timestamptz
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    text_value text;
BEGIN
    IF jsonb_typeof(value) IS DISTINCT FROM 'string' THEN
        RETURN NULL;
    END IF;
    text_value := value #>> '{}';
    IF text_value !~ '^\d{4}-\d{2}-\d{2}([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$' THEN
        RETURN NULL;
    END IF;
    IF length(text_value) = 10 THEN
        text_value := text_value || ' 00:00:00+00';
    ELSIF text_value !~ '(Z|[+-]\d{2}:\d{2})$' THEN
        text_value := text_value || '+00';
    END IF;
    RETURN text_value::timestamptz;
EXCEPTION WHEN data_exception THEN
    -- an impossible date (February 30, year 0, an offset over 15:59)
    RETURN NULL;
END $$;
