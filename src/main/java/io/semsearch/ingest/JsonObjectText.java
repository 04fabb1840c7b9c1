package io.semsearch.ingest;

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
 * Text that holds one JSON object of at most {@link #maxKeys()} keys (a form field that carries metadata); null or
 * blank is valid.
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

        private static final ObjectMapper JSON = new ObjectMapper();

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
            return true;
        }
    }
}
