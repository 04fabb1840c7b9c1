package io.semsearch.search;

import java.util.UUID;

/**
 * A chunk one retriever ranked, before its text and details are read: enough to fuse rankings and to keep
 * overlapping chunks apart.
 *
 * @param score the retriever's score: cosine similarity (dense), BM25 (lexical) or the fused score (hybrid)
 */
record Candidate(UUID chunkId, UUID documentId, int start, int end, double score) {

    Candidate withScore(double newScore) {
        return new Candidate(chunkId, documentId, start, end, newScore);
    }

    boolean overlaps(Candidate other) {
        return documentId.equals(other.documentId) && start < other.end && other.start < end;
    }
}
