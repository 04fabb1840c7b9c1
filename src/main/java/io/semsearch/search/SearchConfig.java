package io.semsearch.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retrieval settings; docs/benchmarks/retrieval-piaf.md explains the chosen values. */
@ConfigMapping(prefix = "semsearch.search")
public interface SearchConfig {

    /** Results returned when the request does not say. */
    @WithDefault("5")
    int defaultK();

    /** Largest {@code k} a request may ask for. */
    @WithDefault("50")
    int maxK();

    /** Longest question or query accepted, in characters. */
    @WithDefault("2000")
    int maxQueryLength();

    /** Candidates each retriever (dense, lexical) hands to fusion. */
    @WithDefault("40")
    int candidates();

    /**
     * How hybrid search fuses the two rankings: {@code learned} (a linear score over both retrievers' normalised
     * scores and ranks, weights in {@link #fusionWeights()}) or {@code rrf} (weighted Reciprocal Rank Fusion).
     */
    @WithDefault("learned")
    Fusion fusion();

    /** Classpath resource with the learned fusion's weights, as fitted by scripts/train-answers.sh. */
    @WithDefault("search/fusion-weights.properties")
    String fusionWeights();

    enum Fusion { LEARNED, RRF }

    /** The k of Reciprocal Rank Fusion ({@code fusion=rrf}): larger values flatten the weight of the top ranks. */
    @WithDefault("60")
    int rrfK();

    /** Weight of the dense ranking in Reciprocal Rank Fusion (each list contributes weight / (k + rank)). */
    @WithDefault("1.0")
    double denseWeight();

    /** Weight of the lexical ranking in Reciprocal Rank Fusion. */
    @WithDefault("1.0")
    double lexicalWeight();

    /** HNSW search breadth ({@code hnsw.ef_search}); must be at least {@link #candidates()}. */
    @WithDefault("100")
    int efSearch();

    /** Most chunks of one document among the results, so that one document cannot crowd out the others. */
    @WithDefault("2")
    int maxChunksPerDocument();

    /** Lexical ranking: which chunks BM25 scores, and its constants. */
    Lexical lexical();

    interface Lexical {

        /**
         * How many chunk occurrences of the query's words (their document frequencies, added up rarest word first)
         * candidate generation may read: the chunks holding the rarest words whose frequencies fit are scored, the
         * rarest word's always. Common words still count in the score of the chunks that hold them, but do not pull
         * in every chunk they occur in, so the cost of a query stays bounded as the store grows.
         */
        @WithDefault("300")
        int candidatePostings();

        /** Most chunks BM25 scores for one query (at least the candidates asked for). */
        @WithDefault("500")
        int maxScored();

        /** BM25 term-frequency saturation. */
        @WithDefault("1.2")
        double k1();

        /** BM25 length normalisation, 0 (none) to 1 (full). */
        @WithDefault("0.75")
        double b();
    }
}
