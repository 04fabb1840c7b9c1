package io.semsearch.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses the NUL character (U+0000) in every string of a JSON request body, keys of free maps included: PostgreSQL
 * cannot store it in text or jsonb, so it would otherwise fail deep in a write or a query. The client gets a 400
 * naming the field (the JSON mapping error goes through {@link ProblemMappers}). Free JSON is read here in one pass,
 * within the bounds of {@link JsonLimits}.
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

    /**
     * Free JSON (metadata values, metadata filters), read in one pass: each string and key is checked once as it is
     * read, each container is bounded in depth and size, each string in length, so that the cost of a body is linear
     * in its size.
     */
    private static final class Untyped extends UntypedObjectDeserializer {
        Untyped() {
            super((com.fasterxml.jackson.databind.JavaType) null, (com.fasterxml.jackson.databind.JavaType) null);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser, context, 1);
        }

        private Object read(JsonParser parser, DeserializationContext context, int depth) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (depth > JsonLimits.MAX_FREE_JSON_DEPTH) {
                    throw MismatchedInputException.from(parser, Object.class, "nested more than "
                            + JsonLimits.MAX_FREE_JSON_DEPTH + " levels deep");
                }
            }
            if (token == JsonToken.START_OBJECT) {
                return object(parser.nextFieldName(), parser, context, depth);
            }
            if (token == JsonToken.START_ARRAY) {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (list.size() == JsonLimits.MAX_FREE_JSON_ENTRIES) {
                        throw MismatchedInputException.from(parser, Object.class, "more than "
                                + JsonLimits.MAX_FREE_JSON_ENTRIES + " elements in one array");
                    }
                    list.add(read(parser, context, depth + 1));
                }
                return list;
            }
            if (token == JsonToken.FIELD_NAME) {
                // inside an object whose start the caller has already read
                return object(parser.currentName(), parser, context, depth);
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                checkString(text, context);
                return text;
            }
            return super.deserialize(parser, context);
        }

        private Map<String, Object> object(String firstKey, JsonParser parser, DeserializationContext context,
                int depth) throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key = firstKey; key != null; key = parser.nextFieldName()) {
                checkString(key, context);
                if (map.size() == JsonLimits.MAX_FREE_JSON_ENTRIES) {
                    throw MismatchedInputException.from(parser, Object.class, "more than "
                            + JsonLimits.MAX_FREE_JSON_ENTRIES + " entries in one object");
                }
                parser.nextToken();
                map.put(key, read(parser, context, depth + 1));
            }
            return map;
        }

        private static void checkString(String value, DeserializationContext context) throws IOException {
            if (contains(value)) {
                throw context.weirdStringException(value, Object.class, MESSAGE);
            }
            if (value.length() > JsonLimits.MAX_FREE_JSON_STRING) {
                throw MismatchedInputException.from(context.getParser(), Object.class, "a string of "
                        + value.length() + " characters; at most " + JsonLimits.MAX_FREE_JSON_STRING + " here");
            }
        }
    }
}
