package io.semsearch.answer;

import io.semsearch.embedding.EmbeddingService;
import io.semsearch.search.InvalidSearchException;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchHit;
import io.semsearch.search.SearchMode;
import io.semsearch.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/** Question answering: hybrid retrieval, a relevance gate, then the answer generator. */
@ApplicationScoped
public class AskService {

    static final int MAX_HISTORY_TURNS = 20;

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

    public AskResponse ask(AskRequest request) {
        long started = System.nanoTime();
        String question = search.checkedQuery("question", request.question());
        int k = request.k() == null ? config.defaultK() : search.checkedK(request.k());
        String retrievalQuery = withContext(question, request.history());
        SearchFilters filters = request.filters() == null ? SearchFilters.NONE : request.filters();

        Retrieval retrieval = search.retrieve(retrievalQuery, k, SearchMode.HYBRID, filters);
        long answering = System.nanoTime();
        double threshold = minSimilarity();
        double best = retrieval.hits().stream().mapToDouble(SearchHit::similarity).max().orElse(0);
        AnswerGenerator.GeneratedAnswer generated;
        if (retrieval.hits().isEmpty()) {
            generated = AnswerGenerator.GeneratedAnswer.abstain("No indexed passage matches the question.");
        } else if (best < threshold) {
            generated = AnswerGenerator.GeneratedAnswer.abstain(String.format(Locale.ROOT,
                    "Nothing relevant found: the closest passage has similarity %.3f, under the %.3f threshold.",
                    best, threshold));
        } else {
            // The gate looks at the best passage only: once the question is on topic, a passage that the
            // fusion ranked high but the model scored lower may still hold the answer.
            generated = generator.generate(question, retrieval.queryVector(), retrieval.hits());
        }
        long done = System.nanoTime();

        List<AskResponse.Citation> citations = new java.util.ArrayList<>();
        for (AnswerGenerator.Citation c : generated.citations()) {
            SearchHit p = c.passage();
            citations.add(new AskResponse.Citation(citations.size() + 1, p.documentId(), p.source(), p.title(),
                    p.chunk(), p.start(), p.end(), p.text(), Math.round(c.score() * 1e6) / 1e6,
                    new AskResponse.Highlight(c.highlightStart(), c.highlightEnd())));
        }
        return new AskResponse(question, generated.answered(), generated.text(), generated.reason(), citations,
                embedding.activeModel().name(),
                new AskResponse.Timings(retrieval.embedMs(), retrieval.searchMs(), SearchService.millis(done - answering),
                        SearchService.millis(done - started)));
    }

    /**
     * The text retrieval runs on: the question, preceded by the last earlier user turn so that a follow-up such as
     * "Et combien a-t-elle levé ?" is searched together with what it refers to.
     */
    String withContext(String question, List<AskRequest.Turn> history) {
        if (history == null || history.isEmpty()) {
            return question;
        }
        if (history.size() > MAX_HISTORY_TURNS) {
            throw new InvalidSearchException("history", "must have at most " + MAX_HISTORY_TURNS + " turns");
        }
        String previous = null;
        for (int i = 0; i < history.size(); i++) {
            AskRequest.Turn turn = history.get(i);
            String field = "history[" + i + "]";
            if (turn == null || turn.role() == null
                    || !(turn.role().equals("user") || turn.role().equals("assistant"))) {
                throw new InvalidSearchException(field + ".role", "must be 'user' or 'assistant'");
            }
            String content = search.checkedQuery(field + ".content", turn.content());
            if (turn.role().equals("user")) {
                previous = content;
            }
        }
        return previous == null ? question : previous + "\n" + question;
    }
}
