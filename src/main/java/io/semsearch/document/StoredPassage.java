package io.semsearch.document;

import java.util.UUID;

/**
 * A stored passage as search shows it.
 *
 * @param ordinal the passage's position in its document, from 0
 * @param similarity cosine similarity to the query vector it was read with, NaN without one
 * @param sentences its sentences with their vectors when asked for, else {@link SentenceVectors#NONE}
 */
public record StoredPassage(UUID passageId, UUID documentId, String source, String title, int ordinal, String text,
        double similarity, SentenceVectors sentences) {
}
