package io.semsearch.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.semsearch.document.MetadataFilter;
import io.semsearch.document.PassageFilter;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Restricts retrieval to some documents, with the same names in every API: the JSON {@code filters} of ask, its
 * event stream and the MCP tools, and the query parameters of {@code GET /api/search}. Empty lists and maps do not
 * restrict.
 */
@Schema(description = "Restricts retrieval; all given conditions must hold")
@SearchFilters.ValidMetadata
public record SearchFilters(
        @Schema(description = "Only these documents")
        @JsonPropertyDescription("Only these documents (their ids)")
        @Size(max = MAX_VALUES, message = "must have at most {max} ids") List<UUID> documentIds,
        @Schema(description = "Only documents with one of these sources")
        @JsonPropertyDescription("Only documents with one of these sources (e.g. file names)")
        @Size(max = MAX_VALUES, message = "must have at most {max} sources")
        List<@Size(max = 1000, message = "must be at most {max} characters") String> sources,
        @Schema(description = "Only documents whose metadata holds every key as given: a string, number or boolean "
                + "matched with its JSON type (2024 matches 2024, not \"2024\"), or a range of numbers or ISO-8601 "
                + "dates with gt, gte, lt, lte",
                example = "{\"corpus\": \"sample\", \"year\": {\"gte\": 2020, \"lt\": 2025}}")
        @JsonPropertyDescription("Only documents whose metadata holds every key as given: a string, number or "
                + "boolean matched with its JSON type (2024 matches 2024, not \"2024\"), or a range of numbers or "
                + "ISO-8601 dates with gt, gte, lt, lte; e.g. {\"corpus\": \"sample\", \"year\": {\"gte\": 2020}, "
                + "\"published\": {\"lt\": \"2025-01-01\"}}")
        @Size(max = MAX_METADATA_KEYS, message = "must have at most {max} keys") Map<String, Object> metadata) {

    /** Ids or sources one filter may list. */
    public static final int MAX_VALUES = 1000;
    /** Keys one metadata filter may hold, as many as a document's metadata may have. */
    public static final int MAX_METADATA_KEYS = 100;

    public static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), Map.of());

    public SearchFilters {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        // a null value is kept, for the validation to name it
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @JsonIgnore
    @Schema(hidden = true)
    public boolean isEmpty() {
        return documentIds.isEmpty() && sources.isEmpty() && metadata.isEmpty();
    }

    /** These filters as the passage store applies them. */
    public PassageFilter toPassageFilter() {
        return isEmpty() ? PassageFilter.NONE : new PassageFilter(documentIds, sources, metadata);
    }

    /** The metadata filter has valid values and ranges; each error names its field, e.g. {@code metadata.year.gte}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ValidMetadata.Validator.class)
    public @interface ValidMetadata {

        String message() default "must be a valid metadata filter";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ValidMetadata, SearchFilters> {

            @Override
            public boolean isValid(SearchFilters filters, ConstraintValidatorContext context) {
                List<MetadataFilter.Error> errors = filters == null ? List.of()
                        : MetadataFilter.errors(filters.metadata());
                if (errors.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                for (MetadataFilter.Error error : errors) {
                    // the message is a fixed text, never the client's (message templates are interpolated)
                    context.buildConstraintViolationWithTemplate(error.message())
                            .addPropertyNode("metadata." + error.field()).addConstraintViolation();
                }
                return false;
            }
        }
    }
}
