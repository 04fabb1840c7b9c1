package io.semsearch.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** Lexical ranking: how full text picks chunks and BM25 orders them. */
    Lexical lexical();

    interface Lexical {

        /**
         * Chunks that full text ({@code ts_rank_cd}, cheap) hands to BM25 ranking; at least five times the candidates
         * asked for.
         */
        @WithDefault("200")
        int rankedPool();

        /** BM25 term-frequency saturation. */
        @WithDefault("1.2")
        double k1();

        /** BM25 length normalisation, 0 (none) to 1 (full). */
        @WithDefault("0.75")
        double b();

        /**
         * How long the corpus statistics BM25 reads (chunk count, mean chunk length) may be reused before they are
         * counted again: ranking does not need them exact, and counting reads every chunk.
         */
        @WithDefault("30s")
        Duration statisticsMaxAge();
    }
}
