package io.semsearch.ingest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Set;

/** No two documents of a batch have the same source (after stripping whitespace): each source is one document. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctSources.Validator.class)
public @interface DistinctSources {

    String message() default "source '{source}' appears twice in the batch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctSources, BatchRequest> {

        @Override
        public boolean isValid(BatchRequest batch, ConstraintValidatorContext context) {
            if (batch == null || batch.documents() == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (DocumentRequest document : batch.documents()) {
                if (document != null && document.source() != null && !seen.add(document.source().strip())) {
                    context.disableDefaultConstraintViolation();
                    context.unwrap(org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext.class)
                            .addMessageParameter("source", document.source().strip())
                            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("documents")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
