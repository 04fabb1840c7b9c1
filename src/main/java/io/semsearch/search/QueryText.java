package io.semsearch.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query or question: given, not blank, and at most {@code semsearch.search.max-query-length} characters (the limit
 * is read from the configuration, so a constant annotation attribute cannot hold it).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = QueryText.Validator.class)
public @interface QueryText {

    String message() default "must be given and not blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<QueryText, String> {

        /** Looked up when validating: validators are made before the runtime configuration exists. */
        private final Instance<SearchConfig> config;

        public Validator(Instance<SearchConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return false;
            }
            if (value.length() > config.get().maxQueryLength()) {
                context.disableDefaultConstraintViolation();
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("max", config.get().maxQueryLength())
                        .addMessageParameter("length", value.length())
                        .buildConstraintViolationWithTemplate("must be at most {max} characters, was {length}")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
