package io.semsearch.embedding;

import io.semsearch.common.TextSpan;

import java.util.Arrays;

/**
 * One text as the model reads it: its token ids with the special tokens, cut to the model's window, and where each
 * kept token lies in the passage (null when the caller needs no spans).
 */
record ModelInput(long[] ids, TextSpan[] tokenSpans) {

    /** Keeps the first {@code max - 1} ids and the closing special token. */
    static long[] truncate(long[] ids, int max) {
        if (ids.length <= max) {
            return ids;
        }
        long[] truncated = Arrays.copyOf(ids, max);
        truncated[max - 1] = ids[ids.length - 1];
        return truncated;
    }

    /** The spans of the tokens {@link #truncate} keeps: the first {@code kept - 1} and the last. */
    static TextSpan[] keep(TextSpan[] spans, int kept) {
        if (spans.length <= kept) {
            return spans;
        }
        TextSpan[] truncated = Arrays.copyOf(spans, kept);
        truncated[kept - 1] = spans[spans.length - 1];
        return truncated;
    }
}
