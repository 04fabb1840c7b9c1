package io.semsearch.search;

import io.semsearch.common.Futures;
import io.semsearch.common.LinearModel;
import io.semsearch.embedding.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Dense, lexical or hybrid retrieval of chunks for a query. */
@ApplicationScoped
public class SearchService {

    private final EmbeddingService embedding;
    private final SearchRepository repository;
    private final SearchConfig config;
    private final ManagedExecutor executor;
    private final LinearModel fusion;

    public SearchService(EmbeddingService embedding, SearchRepository repository, SearchConfig config,
            ManagedExecutor executor) {
        this.embedding = embedding;
        this.repository = repository;
        this.config = config;
        this.executor = executor;
        this.fusion = LinearModel.load(config.fusionWeights(), ScoreFusion.WEIGHTS_PREFIX, ScoreFusion.FEATURES);
    }

    /** The learned fusion's weights, as read from {@link SearchConfig#fusionWeights()}. */
    public LinearModel fusionWeights() {
        return fusion;
    }

    /** The best passages for a query. */
    public Retrieval search(SearchQuery query) {
        return retrieve(query, false);
    }

    /** The best passages for a question, each with its sentences and their stored vectors, to answer from. */
    public Retrieval searchWithSentences(SearchQuery query) {
        return retrieve(query, true);
    }

    private Retrieval retrieve(SearchQuery query, boolean withSentences) {
        long started = System.nanoTime();
        int candidates = Math.max(config.candidates(), query.k());
        // Full text needs no vector: in hybrid mode it runs on another connection while the query is embedded.
        CompletableFuture<List<Candidate>> lexical = query.mode() != SearchMode.HYBRID ? null
                : executor.supplyAsync(() -> repository.lexical(query.text(), candidates, query.filters()));
        float[] vector = query.mode() == SearchMode.LEXICAL ? null : embedding.embedQuery(query.text());
        long embedded = System.nanoTime();
        List<Candidate> ranked = switch (query.mode()) {
            case DENSE -> repository.dense(vector, candidates, query.filters());
            case LEXICAL -> repository.lexical(query.text(), candidates, query.filters());
            case HYBRID -> {
                List<Candidate> dense = repository.dense(vector, candidates, query.filters());
                yield fuse(dense, Futures.join(lexical));
            }
        };
        List<Candidate> kept = RankFusion.diversify(ranked, query.k(), config.maxChunksPerDocument());
        List<SearchHit> hits = repository.hits(kept, vector, withSentences);
        return new Retrieval(hits, vector, embedding.activeModel().name(), embedded - started,
                System.nanoTime() - embedded);
    }

    /** The two rankings as one, by the configured fusion; the fused candidates carry both retrievers' scores. */
    List<Candidate> fuse(List<Candidate> dense, List<Candidate> lexical) {
        return switch (config.fusion()) {
            case LEARNED -> ScoreFusion.fuse(dense, lexical, fusion);
            case RRF -> RankFusion.reciprocalRankFusion(
                    List.of(dense.stream().map(Candidate::asDense).toList(),
                            lexical.stream().map(Candidate::asLexical).toList()),
                    List.of(config.denseWeight(), config.lexicalWeight()), config.rrfK());
        };
    }
}
