package io.semsearch.answer;

import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;

import java.util.List;

/**
 * What happens while one answer is made, in this order: {@link Passages} once, {@link Text} any number of times with
 * a {@link Restart} between when a generator gives up and another one answers, then {@link Answered} or
 * {@link Failed}. One numbering throughout: a marker [n] of {@link Text}, and the citations of {@link Answered}, number
 * the passages of {@link Passages} from 1.
 */
public sealed interface AskEvent {

    /** Retrieval is done: the passages the answer may cite, best first; none when the service abstains. */
    record Passages(Retrieval retrieval, List<SearchHit> passages) implements AskEvent {
    }

    /** The next piece of the answer's text (a sentence, or a model's token). */
    record Text(String delta) implements AskEvent {
    }

    /** The text sent so far is withdrawn: the generator that wrote it failed, and another one answers instead. */
    record Restart(String reason) implements AskEvent {
    }

    /** The answer (or abstention); {@code passages} are those of the {@link Passages} event, for its numbering. */
    record Answered(Answer answer, List<SearchHit> passages) implements AskEvent {
    }

    /** Answering failed after the events began. */
    record Failed(RuntimeException error) implements AskEvent {
    }
}
