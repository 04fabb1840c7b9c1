package io.semsearch.search;

import java.util.UUID;

/**
 * A retrieved chunk.
 *
 * @param score the ranking score of the mode that produced the hit: cosine similarity (dense), ts_rank_cd
 *     (lexical) or the Reciprocal Rank Fusion score (hybrid)
 * @param similarity cosine similarity between the question and the chunk, whatever the mode (NaN when the
 *     question was not embedded, i.e. lexical mode)
 */
public record SearchHit(UUID chunkId, UUID documentId, String source, String title, int chunk, int start, int end,
        String text, double score, double similarity) {

    public SearchHit withScore(double newScore) {
        return new SearchHit(chunkId, documentId, source, title, chunk, start, end, text, newScore, similarity);
    }

    boolean overlaps(SearchHit other) {
        return documentId.equals(other.documentId) && start < other.end && other.start < end;
    }
}
