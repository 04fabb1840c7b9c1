package io.semsearch.search;

import io.semsearch.document.SentenceVectors;

import java.util.UUID;

/**
 * A retrieved chunk.
 *
 * @param ordinal the chunk's position in its document, from 0
 * @param score the ranking score of the mode that produced the hit: cosine similarity (dense), BM25 (lexical) or
 *     the fused score (hybrid)
 * @param similarity cosine similarity between the question and the chunk, whatever the mode (NaN when the
 *     question was not embedded, i.e. lexical mode)
 * @param sentences the chunk's sentences with their stored vectors, when the retrieval asked for them (answers);
 *     {@link SentenceVectors#NONE} otherwise
 */
public record SearchHit(UUID chunkId, UUID documentId, String source, String title, int ordinal, int start, int end,
        String text, double score, double similarity, SentenceVectors sentences) {
}
