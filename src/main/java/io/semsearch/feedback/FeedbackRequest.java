package io.semsearch.feedback;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the user thought of an answer")
public record FeedbackRequest(
        @Schema(description = "up (a good answer) or down (a wrong, unhelpful or missing one)", required = true,
                enumeration = {"up", "down"}, example = "down")
        @JsonPropertyDescription("'up' for a good answer, 'down' for a wrong, unhelpful or missing one")
        @NotNull(message = "must be 'up' or 'down'")
        @Pattern(regexp = "up|down", message = "must be 'up' or 'down'") String rating,

        @Schema(description = "Why, in the user's words; at most 2000 characters", nullable = true,
                example = "La réponse cite le mauvais montant.")
        @JsonPropertyDescription("Why, in the user's words (optional, at most 2000 characters)")
        @Size(max = FeedbackRequest.MAX_COMMENT_LENGTH, message = "must be at most {max} characters") String comment) {

    public static final int MAX_COMMENT_LENGTH = 2000;

    public Rating toRating() {
        return Rating.of(rating);
    }

    /** The comment, stripped; null when none or blank. */
    public String strippedComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
