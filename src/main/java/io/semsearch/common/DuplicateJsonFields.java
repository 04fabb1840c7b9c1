package io.semsearch.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses a JSON object that names a field twice ({@code {"role": "a", "role": "b"}}). Which value wins would be a
 * guess, and for records Jackson cannot take the second value at all (it fails with a definition error, a 500). The
 * parser's error ("Duplicate field 'role'") reaches the client as a 400 through {@link ProblemMappers}.
 */
@Singleton
public class DuplicateJsonFields implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
