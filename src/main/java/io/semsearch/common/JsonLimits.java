package io.semsearch.common;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on what a JSON request body may hold, checked while it is parsed: nesting depth for the whole body, and for
 * free JSON (metadata, metadata filters) the entries of one object or array and the length of one string. With the
 * body size limit ({@link ApiConfig#maxBodySize()}) they keep the cost of reading any body linear and small; a body
 * past them is a 400 naming the limit.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    /** Deepest nesting of a request body (objects and arrays). */
    public static final int MAX_DEPTH = 32;
    /** Deepest nesting of a free JSON value (metadata, a metadata filter) within the body. */
    static final int MAX_FREE_JSON_DEPTH = 16;
    /** Entries of one object, or elements of one array, within free JSON. */
    static final int MAX_FREE_JSON_ENTRIES = 1000;
    /** Characters of one string (value or key) within free JSON. */
    static final int MAX_FREE_JSON_STRING = 10_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).build());
    }
}
