package io.semsearch.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields of {@code POST /api/documents/files} ({@code multipart/form-data}), validated as they come; the only
 * ones taken ({@link io.semsearch.common.StrictFormFilter} reads their names, reflectively in a native image too).
 */
@FileForm.Named
@RegisterForReflection(fields = true)
public record FileForm(
        @Schema(description = "The file: HTML, PDF, DOCX, ODT, Markdown or plain text (the type is read from the "
                + "content); at most semsearch.extraction.max-size (20 MiB by default)", required = true,
                type = SchemaType.STRING, format = "binary")
        @RestForm("file")
        @NotNull(message = "must be given: the file to index")
        FileUpload file,

        @Schema(description = "Your unique identifier of the document; the file's name when absent", nullable = true,
                example = "rapports/rapport-2024.pdf")
        @RestForm("source")
        @Size(max = 1000, message = "must be at most 1000 characters")
        @Pattern(regexp = "[^\\x00]*", message = NO_NUL)
        String source,

        @Schema(description = "Title; when absent, the file's own (HTML title, PDF or office properties), else its "
                + "first line", nullable = true, example = "Rapport annuel 2024")
        @RestForm("title")
        @Size(max = 1000, message = "must be at most 1000 characters")
        @Pattern(regexp = "[^\\x00]*", message = NO_NUL)
        String title,

        @Schema(description = "Free attributes as the text of a JSON object, e.g. {\"site\": \"intranet\", \"year\": "
                + "2024}, usable as search filters; they win over the ones read from the file (title, author, "
                + "published, language...)", nullable = true)
        @RestForm("metadata")
        @JsonObjectText
        String metadata,

        @Schema(description = "The document's language as an ISO 639-1 code; when absent, the file's own, else "
                + "detected from the text (else the service's default, fr)", nullable = true, example = "fr")
        @RestForm("language")
        @LanguageCode
        String language) {

    /** PostgreSQL cannot store the NUL character in text: refused where it would go into a column. */
    static final String NO_NUL = "must not hold the NUL character (U+0000)";

    /** The source: the one given, else the file's name. */
    public String sourceOrFileName() {
        if (source != null && !source.isBlank()) {
            return source.strip();
        }
        return file == null || file.fileName() == null ? "" : file.fileName().strip();
    }

    /** A source is given, or the file has a name to take it from; that name holds no NUL character. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Named.Validator.class)
    public @interface Named {

        String message() default "must be given when the file has no name";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Named, FileForm> {

            @Override
            public boolean isValid(FileForm form, ConstraintValidatorContext context) {
                if (form != null && form.file() != null && form.file().fileName() != null
                        && form.file().fileName().indexOf('\0') >= 0) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("its file name " + NO_NUL)
                            .addPropertyNode("file").addConstraintViolation();
                    return false;
                }
                if (form == null || form.file() == null || !form.sourceOrFileName().isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("source").addConstraintViolation();
                return false;
            }
        }
    }
}
