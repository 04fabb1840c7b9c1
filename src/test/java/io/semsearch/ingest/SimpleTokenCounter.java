package io.semsearch.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test stand-in for the model tokenizer: one token per run of letters, per run of digits and per other non-space
 * character (punctuation, symbols, emoji).
 */
final class SimpleTokenCounter implements TokenCounter {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}]+|\\p{N}+|[^\\s\\p{L}\\p{M}\\p{N}]");

    @Override
    public int countTokens(String text) {
        Matcher m = TOKEN.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
