package io.semsearch.answer;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.semsearch.search.QueryText;
import io.semsearch.search.ResultCount;
import io.semsearch.search.SearchFilters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A question, optionally with filters and the earlier turns of the conversation")
public record AskRequest(
        @Schema(description = "The question, in French or another language the model knows", required = true,
                example = "Combien Microsoft a-t-il investi dans OpenAI ?")
        @QueryText String question,

        @Schema(description = "Passages to retrieve, 1 to 50 (default 8)", nullable = true, example = "8")
        @ResultCount Integer k,

        @Schema(nullable = true) @Valid SearchFilters filters,

        @Schema(description = "Earlier turns, oldest first; the last user turn gives context to follow-up questions",
                nullable = true)
        @Size(max = AskRequest.MAX_HISTORY_TURNS, message = "must have at most {max} turns")
        List<@NotNull(message = "must be a turn, not null") @Valid Turn> history) {

    static final int MAX_HISTORY_TURNS = 20;

    @Schema(description = "One turn of the conversation")
    public record Turn(
            @Schema(description = "user or assistant", example = "user", enumeration = {"user", "assistant"})
            @JsonPropertyDescription("Who said it: 'user' or 'assistant'")
            @NotNull(message = "must be 'user' or 'assistant'")
            @Pattern(regexp = "user|assistant", message = "must be 'user' or 'assistant'") String role,

            @Schema(description = "What was said", example = "Qui dirige OpenAI ?", required = true)
            @JsonPropertyDescription("What was said") @QueryText String content) {

        Question.Turn toTurn() {
            return new Question.Turn(role.equals("user") ? Question.Speaker.USER : Question.Speaker.ASSISTANT,
                    content.strip());
        }
    }

    /** The validated request as a question, with the default number of passages when none is asked for. */
    public Question toQuestion(int defaultK) {
        return new Question(question.strip(), k == null ? defaultK : k, filters,
                history == null ? List.of() : history.stream().map(Turn::toTurn).toList());
    }
}
