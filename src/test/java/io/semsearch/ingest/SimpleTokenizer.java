package io.semsearch.ingest;

import io.semsearch.common.TextSpan;
import io.semsearch.embedding.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test stand-in for the model tokenizer: one token per run of letters, per run of digits and per other non-space
 * character (punctuation, symbols, emoji); a token's id is the hash of its text.
 */
final class SimpleTokenizer implements ChunkTokenizer {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}]+|\\p{N}+|[^\\s\\p{L}\\p{M}\\p{N}]");

    @Override
    public Tokens tokenize(String text) {
        Matcher m = TOKEN.matcher(text);
        List<TextSpan> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new TextSpan(m.start(), m.end()));
        }
        long[] ids = spans.stream().mapToLong(span -> span.in(text).hashCode()).toArray();
        return new Tokens(ids, spans.toArray(TextSpan[]::new));
    }

    /** A tokenizer that only counts: its tokens have id 0 and no span. */
    static ChunkTokenizer counting(ToIntFunction<String> counter) {
        return text -> {
            int count = counter.applyAsInt(text);
            return new Tokens(new long[count], new TextSpan[count]);
        };
    }
}
