package io.semsearch.search;

import io.semsearch.document.ScoredPassage;

import java.util.UUID;

/**
 * A chunk one retriever ranked, before its text and details are read: enough to fuse rankings and to keep
 * overlapping chunks apart.
 *
 * @param score the ranking score: cosine similarity (dense), BM25 (lexical) or the fused score (hybrid)
 * @param dense the dense retriever's cosine similarity, NaN when it did not rank the chunk
 * @param lexical the lexical retriever's BM25, NaN when it did not rank the chunk
 */
record Candidate(UUID chunkId, UUID documentId, int start, int end, double score, double dense, double lexical) {

    /** A candidate as one retriever returned it, before it is known which retriever. */
    Candidate(UUID chunkId, UUID documentId, int start, int end, double score) {
        this(chunkId, documentId, start, end, score, Double.NaN, Double.NaN);
    }

    /** A passage as one retriever ranked it, before it is known which retriever. */
    static Candidate of(ScoredPassage passage) {
        return new Candidate(passage.passageId(), passage.documentId(), passage.start(), passage.end(),
                passage.score());
    }

    Candidate withScore(double newScore) {
        return new Candidate(chunkId, documentId, start, end, newScore, dense, lexical);
    }

    /** This candidate, its score being the dense retriever's. */
    Candidate asDense() {
        return new Candidate(chunkId, documentId, start, end, score, score, lexical);
    }

    /** This candidate, its score being the lexical retriever's. */
    Candidate asLexical() {
        return new Candidate(chunkId, documentId, start, end, score, dense, score);
    }

    boolean overlaps(Candidate other) {
        return documentId.equals(other.documentId) && start < other.end && other.start < end;
    }
}
