package io.semsearch.search;

import io.semsearch.document.Bm25;
import io.semsearch.document.PassageFilter;
import io.semsearch.document.PassageStore;
import io.semsearch.document.StoredPassage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The store's two retrievers as search configures them, and the reading of the candidates that are kept. */
final class Retrievers {

    private final PassageStore store;
    private final SearchConfig config;

    Retrievers(PassageStore store, SearchConfig config) {
        this.store = store;
        this.config = config;
    }

    List<Candidate> dense(float[] vector, int limit, PassageFilter filter) {
        return store.dense(vector, limit, filter, config.efSearch()).stream().map(Candidate::of).toList();
    }

    List<Candidate> lexical(String text, int limit, PassageFilter filter) {
        SearchConfig.Lexical lexical = config.lexical();
        Bm25 bm25 = new Bm25(lexical.k1(), lexical.b(), lexical.candidatePostings(), lexical.maxScored());
        return store.lexical(text, limit, filter, bm25).stream().map(Candidate::of).toList();
    }

    /** The kept candidates as hits, in their order; those deleted since they were ranked are left out. */
    List<SearchHit> hits(List<Candidate> kept, float[] vector, boolean withSentences) {
        if (kept.isEmpty()) {
            return List.of();
        }
        Map<java.util.UUID, StoredPassage> passages = store.passages(kept.stream().map(Candidate::chunkId).toList(),
                vector, withSentences).stream()
                .collect(Collectors.toMap(StoredPassage::passageId, Function.identity()));
        List<SearchHit> hits = new ArrayList<>(kept.size());
        for (Candidate candidate : kept) {
            StoredPassage passage = passages.get(candidate.chunkId());
            if (passage != null) {
                hits.add(new SearchHit(passage.passageId(), passage.documentId(), passage.source(), passage.title(),
                        passage.ordinal(), candidate.start(), candidate.end(), passage.text(), candidate.score(),
                        passage.similarity(), passage.sentences()));
            }
        }
        return hits;
    }
}
