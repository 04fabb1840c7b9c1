package io.semsearch.answer;

import io.semsearch.search.SearchFilters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A question, optionally with filters and the earlier turns of the conversation")
public record AskRequest(
        @Schema(description = "The question, in French or another language the model knows", required = true,
                example = "Combien Microsoft a-t-il investi dans OpenAI ?") String question,
        @Schema(description = "Passages to retrieve, 1 to 50 (default 8)", nullable = true) Integer k,
        @Schema(nullable = true) SearchFilters filters,
        @Schema(description = "Earlier turns, oldest first; the last user turn gives context to follow-up questions",
                nullable = true) List<Turn> history) {

    @Schema(description = "One turn of the conversation")
    public record Turn(
            @Schema(description = "user or assistant", example = "user") String role,
            @Schema(example = "Qui dirige OpenAI ?") String content) {
    }
}
