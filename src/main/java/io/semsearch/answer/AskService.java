package io.semsearch.answer;

import io.micrometer.core.instrument.Metrics;
import io.semsearch.common.Traces;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchMode;
import io.semsearch.search.SearchQuery;
import io.semsearch.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Question answering: hybrid retrieval, a relevance gate ({@link RelevanceGate}: the best passage's similarity and
 * the question's words the passages hold), then the answer generator. Complete answers are handed to the
 * {@link AnswerRecorder}, when there is one, which gives them the id their feedback names.
 */
@ApplicationScoped
public class AskService {

    private final SearchService search;
    private final AnswerGenerator generator;
    private final EmbeddingService embedding;
    private final AnswerConfig config;
    private final AnswerWeights weights;
    private final Instance<AnswerRecorder> recorder;

    public AskService(SearchService search, AnswerGenerator generator, EmbeddingService embedding,
            AnswerConfig config, AnswerWeights weights, Instance<AnswerRecorder> recorder) {
        this.search = search;
        this.generator = generator;
        this.embedding = embedding;
        this.config = config;
        this.weights = weights;
        this.recorder = recorder;
    }

    /** The active model's calibrated cosine similarity, from which the relevance gate measures the best passage's. */
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
        Answer answer = Traces.span("semsearch.ask", span -> {
            span.setAttribute("k", question.k());
            Answer result = answer(question, listener, started);
            span.setAttribute("answered", result.generated().answered());
            span.setAttribute("generator", result.generated().generator());
            return result;
        });
        Metrics.timer("semsearch.ask").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Metrics.counter("semsearch.answers", "outcome", answer.generated().answered() ? "answered" : "abstained")
                .increment();
        return recorder.isResolvable() ? recorder.get().record(answer).map(answer::withId).orElse(answer) : answer;
    }

    private Answer answer(Question question, AnswerListener listener, long started) {
        Retrieval retrieval = search.searchWithSentences(new SearchQuery(question.retrievalText(), question.k(),
                SearchMode.HYBRID, question.filters()));
        long answering = System.nanoTime();
        if (listener.cancelled()) {
            throw new CancellationException("nobody waits for the answer any more");
        }
        RelevanceGate.Relevance relevance = Traces.span("semsearch.relevance-gate", span -> {
            RelevanceGate.Relevance measured = RelevanceGate.measure(question.retrievalText(), retrieval.hits(),
                    minSimilarity());
            span.setAttribute("best_similarity", measured.bestSimilarity());
            span.setAttribute("abstained", retrieval.hits().isEmpty()
                    || !measured.relevant(weights.relevance(), weights.minRelevance()));
            return measured;
        });
        AnswerGenerator.GeneratedAnswer generated;
        if (retrieval.hits().isEmpty()) {
            listener.passages(retrieval, List.of());
            generated = AnswerGenerator.GeneratedAnswer.abstain("No indexed passage matches the question.");
        } else if (!relevance.relevant(weights.relevance(), weights.minRelevance())) {
            listener.passages(retrieval, List.of());
            generated = AnswerGenerator.GeneratedAnswer.abstain(String.format(Locale.ROOT,
                    "Nothing relevant found: the closest passage has similarity %.3f (calibrated: %.3f) and the "
                            + "passages hold at most %.0f %% of the question's words.",
                    relevance.bestSimilarity(), relevance.minSimilarity(), 100 * relevance.bestWordShare()));
        } else {
            // Once the retrieval as a whole is judged relevant, every passage is a candidate: one that the fusion
            // ranked high but the model scored lower may still hold the answer.
            listener.passages(retrieval, retrieval.hits());
            generated = Traces.span("semsearch.answer", span -> {
                AnswerGenerator.GeneratedAnswer written = generator.generate(question, retrieval.queryVector(),
                        retrieval.hits(), listener);
                span.setAttribute("generator", written.generator());
                span.setAttribute("answered", written.answered());
                return written;
            });
        }
        if (listener.cancelled()) {
            throw new CancellationException("nobody waits for the answer any more");
        }
        long done = System.nanoTime();
        return new Answer(question, generated, retrieval, done - answering, done - started);
    }
}
