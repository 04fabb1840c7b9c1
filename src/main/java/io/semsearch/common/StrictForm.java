package io.semsearch.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method taking a form as its {@code @BeanParam}: {@link StrictFormFilter} refuses a form carrying a
 * part that bean does not declare ({@code @RestForm}), as unknown JSON fields are refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StrictForm {
}
