package io.semsearch.ingest;

import io.semsearch.common.TextSpan;
import io.semsearch.embedding.Tokens;

import java.util.List;

/**
 * A chunk of a content string produced by {@link SentenceChunker}.
 *
 * <p>Invariant: {@code content.substring(start, end).equals(text)} for the content the chunk was made from.
 *
 * @param ordinal 0-based position of the chunk in the document
 * @param start offset of the first character in the content (inclusive)
 * @param end offset after the last character in the content (exclusive)
 * @param text the chunk text, exactly {@code content.substring(start, end)}
 * @param tokens what the {@link ChunkTokenizer} made of {@code text}, kept for the embedding
 * @param sentences the chunk's sentences, as the segmenter found them in the whole content, with offsets into
 *     {@code text}; a piece of a sentence too long for one chunk is one "sentence", the whole chunk
 */
public record TextChunk(int ordinal, int start, int end, String text, Tokens tokens, List<TextSpan> sentences) {

    public TextChunk {
        if (ordinal < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid chunk #" + ordinal + " [" + start + ", " + end + ")");
        }
        if (text == null || text.length() != end - start) {
            throw new IllegalArgumentException("Chunk text length does not match [" + start + ", " + end + ")");
        }
        sentences = List.copyOf(sentences);
        if (sentences.stream().anyMatch(s -> s.end() > text.length())) {
            throw new IllegalArgumentException("A sentence of chunk #" + ordinal + " lies outside its text");
        }
    }

    public int tokenCount() {
        return tokens.count();
    }
}
