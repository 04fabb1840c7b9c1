package io.semsearch.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes a file upload: {@link BodySizeFilter} lets its request body be as large as the
 * file limit named here plus {@code semsearch.api.max-body-size} (the other form fields and the multipart framing),
 * instead of {@code semsearch.api.max-body-size} alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FileUploadLimit {

    /** The configuration property, a memory size such as {@code 20M}, that holds the largest file accepted. */
    String value();
}
