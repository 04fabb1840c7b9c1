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
 * A number of passages: absent (the default applies) or a whole number from 1 to {@code semsearch.search.max-k}. On a
 * query parameter the value is text, so that "abc" is told apart from a number out of range.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {ResultCount.IntegerValidator.class, ResultCount.TextValidator.class})
public @interface ResultCount {

    String message() default "must be a whole number between 1 and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class IntegerValidator implements ConstraintValidator<ResultCount, Integer> {

        /** Looked up when validating: validators are made before the runtime configuration exists. */
        private final Instance<SearchConfig> config;

        public IntegerValidator(Instance<SearchConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value == null || valid(value, config.get(), context);
        }

        static boolean valid(long value, SearchConfig config, ConstraintValidatorContext context) {
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("max", config.maxK());
            return value >= 1 && value <= config.maxK();
        }
    }

    @ApplicationScoped
    class TextValidator implements ConstraintValidator<ResultCount, String> {

        /** Looked up when validating: validators are made before the runtime configuration exists. */
        private final Instance<SearchConfig> config;

        public TextValidator(Instance<SearchConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            long number;
            try {
                number = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                number = Long.MIN_VALUE;
            }
            return IntegerValidator.valid(number, config.get(), context);
        }
    }
}
