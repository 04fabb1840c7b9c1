package io.semsearch.document;

import java.util.UUID;

/**
 * A passage as a retriever ranked it, before its text is read.
 *
 * @param start offset of the passage in its document's content
 * @param end offset after the passage's last character
 * @param score cosine similarity (dense) or BM25 (lexical)
 */
public record ScoredPassage(UUID passageId, UUID documentId, int start, int end, double score) {
}
