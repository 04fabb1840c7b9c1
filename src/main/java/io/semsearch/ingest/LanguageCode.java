package io.semsearch.ingest;

import io.semsearch.extraction.LanguageIdentifier;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A language given by its ISO 639-1 code ({@code fr}), or a tag or code that names one ({@code fr-FR}, {@code fra});
 * null or blank is valid (the language is then detected).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageCode.Validator.class)
public @interface LanguageCode {

    String message() default "must be a language code such as fr or en (ISO 639-1)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || LanguageIdentifier.toIso6391(value) != null;
        }
    }
}
