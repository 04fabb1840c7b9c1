package io.semsearch.embedding;

import io.semsearch.common.TextSpan;

import java.util.Arrays;

/**
 * A text as the model's tokenizer cuts it, special tokens excluded: each token's id and where it lies in the text.
 * Kept from chunking to embedding, so that a passage is tokenised once.
 *
 * @param ids the tokens' ids in the model's vocabulary
 * @param spans where each token lies in the text, in UTF-16 chars as {@link String} counts them; null for a token
 *     that covers no character
 */
public record Tokens(long[] ids, TextSpan[] spans) {

    public Tokens {
        if (ids.length != spans.length) {
            throw new IllegalArgumentException(ids.length + " token ids but " + spans.length + " spans");
        }
    }

    public int count() {
        return ids.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tokens tokens && Arrays.equals(ids, tokens.ids) && Arrays.equals(spans, tokens.spans);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(spans);
    }

    @Override
    public String toString() {
        return "Tokens" + Arrays.toString(ids);
    }
}
