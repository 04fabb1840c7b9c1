package io.semsearch.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses the NUL character (U+0000) in every string of a JSON request body, keys of free maps included: PostgreSQL
 * cannot store it in text or jsonb, so it would otherwise fail deep in a write or a query. The client gets a 400
 * naming the field (the JSON mapping error goes through {@link ProblemMappers}).
 */
@Singleton
public class NulCharacters implements ObjectMapperCustomizer {

    static final String MESSAGE = "the NUL character (\\u0000) is not allowed";

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("no-nul-characters");
        module.addDeserializer(String.class, new Strings());
        module.addDeserializer(Object.class, new Untyped());
        module.addKeyDeserializer(String.class, new Keys());
        mapper.registerModule(module);
    }

    static boolean contains(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static final class Strings extends StdDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (contains(value)) {
                throw context.weirdStringException(value, String.class, MESSAGE);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (contains(key)) {
                throw context.weirdKeyException(String.class, key, MESSAGE);
            }
            return key;
        }
    }

    /** Free JSON (metadata values): checked whole, nested maps and lists included. */
    private static final class Untyped extends UntypedObjectDeserializer {
        Untyped() {
            super((com.fasterxml.jackson.databind.JavaType) null, (com.fasterxml.jackson.databind.JavaType) null);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (holdsNul(value)) {
                throw context.weirdStringException(String.valueOf(value), Object.class, MESSAGE);
            }
            return value;
        }

        private static boolean holdsNul(Object value) {
            if (value instanceof String text) {
                return contains(text);
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream().anyMatch(e -> holdsNul(e.getKey()) || holdsNul(e.getValue()));
            }
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(Untyped::holdsNul);
            }
            return false;
        }
    }
}
