package io.semsearch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that holds one JSON object of at most {@link #maxKeys()} keys (a form field that carries metadata), read as
 * strictly as a JSON body: no key named twice, no NUL character (U+0000, which PostgreSQL cannot store) in a key or
 * a string; null or blank is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonObjectText.Validator.class)
public @interface JsonObjectText {

    String message() default "must be a JSON object such as {\"site\": \"lemonde.fr\"}";

    int maxKeys() default 100;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<JsonObjectText, String> {

        private static final ObjectMapper JSON = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

        private int maxKeys;

        @Override
        public void initialize(JsonObjectText annotation) {
            maxKeys = annotation.maxKeys();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            JsonNode node;
            try {
                node = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                    return refuse(context, "must not name a key twice (" + e.getOriginalMessage() + ")");
                }
                return false;
            }
            if (node == null || !node.isObject()) {
                return false;
            }
            if (node.size() > maxKeys) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must have at most " + maxKeys + " keys")
                        .addConstraintViolation();
                return false;
            }
            if (holdsNul(node)) {
                return refuse(context, "must not hold the NUL character (\\u0000) in a key or a value: it cannot"
                        + " be stored");
            }
            return true;
        }

        private static boolean refuse(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message.replace("\\", "\\\\").replace("{", "\\{")
                    .replace("}", "\\}").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }

        private static boolean holdsNul(JsonNode node) {
            if (node.isTextual()) {
                return node.textValue().indexOf('\0') >= 0;
            }
            if (node.isObject()) {
                for (var fields = node.fields(); fields.hasNext(); ) {
                    var field = fields.next();
                    if (field.getKey().indexOf('\0') >= 0 || holdsNul(field.getValue())) {
                        return true;
                    }
                }
                return false;
            }
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
            return false;
        }
    }
}
