package io.semsearch.search;

import io.micrometer.core.instrument.Metrics;
import io.semsearch.common.Futures;
import io.semsearch.common.LinearModel;
import io.semsearch.common.Traces;
import io.semsearch.document.PassageFilter;
import io.semsearch.document.PassageStore;
import io.semsearch.embedding.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Dense, lexical or hybrid retrieval of chunks for a query. */
@ApplicationScoped
public class SearchService {

    private final Embedder embedding;
    private final Retrievers retrievers;
    private final SearchConfig config;
    private final Executor executor;
    private final LinearModel fusion;

    @Inject
    public SearchService(Embedder embedding, PassageStore store, SearchConfig config, ManagedExecutor executor) {
        this(embedding, store, config, (Executor) executor);
    }

    SearchService(Embedder embedding, PassageStore store, SearchConfig config, Executor executor) {
        this.embedding = embedding;
        this.retrievers = new Retrievers(store, config);
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
        Retrieval retrieval = Traces.span("semsearch.search", span -> {
            span.setAttribute("mode", query.mode().name().toLowerCase(Locale.ROOT));
            span.setAttribute("k", query.k());
            Retrieval result = retrieve(query, withSentences, started);
            span.setAttribute("hits", result.hits().size());
            return result;
        });
        Metrics.timer("semsearch.search", "mode", query.mode().name().toLowerCase(Locale.ROOT))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return retrieval;
    }

    private Retrieval retrieve(SearchQuery query, boolean withSentences, long started) {
        int candidates = Math.max(config.candidates(), query.k());
        PassageFilter filter = query.filters().toPassageFilter();
        // Full text needs no vector: in hybrid mode it runs on another connection while the query is embedded.
        CompletableFuture<List<Candidate>> lexical = query.mode() != SearchMode.HYBRID ? null
                : CompletableFuture.supplyAsync(() -> lexical(query.text(), candidates, filter), executor);
        float[] vector = query.mode() == SearchMode.LEXICAL ? null : embedding.embedQuery(query.text());
        long embedded = System.nanoTime();
        List<Candidate> ranked = switch (query.mode()) {
            case DENSE -> dense(vector, candidates, filter);
            case LEXICAL -> lexical(query.text(), candidates, filter);
            case HYBRID -> {
                List<Candidate> dense = dense(vector, candidates, filter);
                List<Candidate> words = Futures.join(lexical);
                yield Traces.span("semsearch.fusion", span -> {
                    span.setAttribute("fusion", config.fusion().name().toLowerCase(Locale.ROOT));
                    return fuse(dense, words);
                });
            }
        };
        List<Candidate> kept = RankFusion.diversify(ranked, query.k(), config.maxChunksPerDocument());
        List<SearchHit> hits = retrievers.hits(kept, vector, withSentences);
        return new Retrieval(hits, vector, embedding.modelName(), embedded - started, System.nanoTime() - embedded);
    }

    private List<Candidate> dense(float[] vector, int candidates, PassageFilter filter) {
        return Traces.span("semsearch.dense", span -> {
            List<Candidate> found = retrievers.dense(vector, candidates, filter);
            span.setAttribute("candidates", found.size());
            return found;
        });
    }

    private List<Candidate> lexical(String text, int candidates, PassageFilter filter) {
        return Traces.span("semsearch.lexical", span -> {
            List<Candidate> found = retrievers.lexical(text, candidates, filter);
            span.setAttribute("candidates", found.size());
            return found;
        });
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
