package io.semsearch.answer;

import io.semsearch.embedding.EmbeddingService;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;
import io.semsearch.search.SearchMode;
import io.semsearch.search.SearchQuery;
import io.semsearch.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** Question answering: hybrid retrieval, a relevance gate, then the answer generator. */
@ApplicationScoped
public class AskService {

    private final SearchService search;
    private final AnswerGenerator generator;
    private final EmbeddingService embedding;
    private final AnswerConfig config;

    public AskService(SearchService search, AnswerGenerator generator, EmbeddingService embedding,
            AnswerConfig config) {
        this.search = search;
        this.generator = generator;
        this.embedding = embedding;
        this.config = config;
    }

    /** Cosine similarity under which a passage is not relevant enough to answer from. */
    public double minSimilarity() {
        return config.minSimilarity()
                .or(() -> embedding.activeModel().descriptor().answerMinSimilarity())
                .orElse(0.0);
    }

    public Answer ask(Question question) {
        return ask(question, AnswerListener.NONE);
    }

    /**
     * Answers, telling {@code listener} the passages as soon as they are retrieved and the answer as it is written.
     *
     * @throws CancellationException when the listener is cancelled before the answer is complete
     */
    public Answer ask(Question question, AnswerListener listener) {
        long started = System.nanoTime();
        Retrieval retrieval = search.searchWithSentences(new SearchQuery(question.retrievalText(), question.k(),
                SearchMode.HYBRID, question.filters()));
        long answering = System.nanoTime();
        if (listener.cancelled()) {
            throw new CancellationException("nobody waits for the answer any more");
        }
        double threshold = minSimilarity();
        double best = retrieval.hits().stream().mapToDouble(SearchHit::similarity).max().orElse(0);
        AnswerGenerator.GeneratedAnswer generated;
        if (retrieval.hits().isEmpty()) {
            listener.passages(retrieval, List.of());
            generated = AnswerGenerator.GeneratedAnswer.abstain("No indexed passage matches the question.");
        } else if (best < threshold) {
            listener.passages(retrieval, List.of());
            generated = AnswerGenerator.GeneratedAnswer.abstain(String.format(Locale.ROOT,
                    "Nothing relevant found: the closest passage has similarity %.3f, under the %.3f threshold.",
                    best, threshold));
        } else {
            // The gate looks at the best passage only: once the question is on topic, a passage that the
            // fusion ranked high but the model scored lower may still hold the answer.
            listener.passages(retrieval, retrieval.hits());
            generated = generator.generate(question, retrieval.queryVector(), retrieval.hits(), listener);
        }
        if (listener.cancelled()) {
            throw new CancellationException("nobody waits for the answer any more");
        }
        long done = System.nanoTime();
        return new Answer(question, generated, retrieval, done - answering, done - started);
    }
}
