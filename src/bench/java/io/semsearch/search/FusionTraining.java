package io.semsearch.search;

import io.semsearch.common.LinearModel;
import io.semsearch.document.PassageStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What scripts/train-answers.sh needs of retrieval: the fusion features of a query's candidates, and retrieval with given fusion weights. */
public final class FusionTraining {

    private FusionTraining() {
    }

    /** One candidate of a query: its document and its fusion features. */
    public record Row(UUID documentId, double[] features) {
    }

    public static List<String> features() {
        return ScoreFusion.FEATURES;
    }

    public static String weightsPrefix() {
        return ScoreFusion.WEIGHTS_PREFIX;
    }

    /** The candidates both retrievers return for a query, with their fusion features. */
    public static List<Row> rows(PassageStore store, SearchConfig config, float[] vector, String text) {
        Retrievers retrievers = new Retrievers(store, config);
        List<Candidate> dense = retrievers.dense(vector, config.candidates(), SearchFilters.NONE.toPassageFilter());
        List<Candidate> lexical = retrievers.lexical(text, config.candidates(), SearchFilters.NONE.toPassageFilter());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Candidate, double[]> e : ScoreFusion.features(dense, lexical).entrySet()) {
            rows.add(new Row(e.getKey().documentId(), e.getValue()));
        }
        return rows;
    }

    /** Hybrid retrieval as the service runs it, but with the given fusion weights; the hits carry their sentences. */
    public static List<SearchHit> retrieve(PassageStore store, SearchConfig config, float[] vector,
            String text, int k, SearchFilters filters, LinearModel fusion) {
        int candidates = Math.max(config.candidates(), k);
        Retrievers retrievers = new Retrievers(store, config);
        List<Candidate> fused = ScoreFusion.fuse(retrievers.dense(vector, candidates, filters.toPassageFilter()),
                retrievers.lexical(text, candidates, filters.toPassageFilter()), fusion);
        return retrievers.hits(RankFusion.diversify(fused, k, config.maxChunksPerDocument()), vector, true);
    }
}
