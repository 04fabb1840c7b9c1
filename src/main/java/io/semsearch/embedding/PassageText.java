package io.semsearch.embedding;

import io.semsearch.common.TextSpan;

import java.util.List;

/**
 * A passage to embed with its sentences.
 *
 * @param text the passage, without the model's passage prefix
 * @param tokens the passage's tokens as {@link EmbeddingService#tokenize} made them, reused instead of tokenising the
 *     text again; null to let the embedder tokenise it
 * @param sentences character ranges into {@code text}, one vector each
 */
public record PassageText(String text, Tokens tokens, List<TextSpan> sentences) {

    public PassageText {
        sentences = List.copyOf(sentences);
    }

    /** A passage the embedder tokenises itself. */
    public static PassageText of(String text, List<TextSpan> sentences) {
        return new PassageText(text, null, sentences);
    }
}
