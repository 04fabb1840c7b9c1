package io.semsearch.embedding;

import io.semsearch.common.TextSpan;

/**
 * The model's last hidden state for a padded batch: {@code values} is row-major {@code [batch][length][dimension]},
 * {@code mask} is the attention mask {@code [batch][length]} (1 for a token, 0 for padding).
 */
record HiddenStates(float[] values, long[] mask, int batch, int length, int dimension) {

    HiddenStates {
        if (values.length != batch * length * dimension || mask.length != batch * length) {
            throw new IllegalArgumentException("Hidden states of " + values.length + " values and a mask of "
                    + mask.length + " for shape [" + batch + ", " + length + ", " + dimension + "]");
        }
    }

    /** Number of tokens (not padding) in the row. */
    int tokens(int row) {
        int tokens = 0;
        for (int t = 0; t < length; t++) {
            tokens += (int) mask[row * length + t];
        }
        return tokens;
    }

    /** The text's vector: mean of its tokens' states (padding excluded), L2-normalised. */
    float[] meanPool(int row) {
        float[] sum = new float[dimension];
        int tokens = 0;
        for (int t = 0; t < length; t++) {
            if (mask[row * length + t] != 0) {
                add(sum, row, t);
                tokens++;
            }
        }
        float[] vector = normalisedMean(sum, tokens);
        if (vector == null) {
            throw new EmbeddingException("Model produced a degenerate embedding");
        }
        return vector;
    }

    /**
     * The vector of a span of the text: mean of the states of the tokens overlapping it, L2-normalised; null when no
     * token of the row overlaps it (the span was truncated away, or holds only whitespace).
     *
     * @param tokenSpans where each token of the row lies, in the coordinates of {@code span}; null for tokens that lie
     *     nowhere in the text (special tokens, prefix)
     */
    float[] meanPool(int row, TextSpan[] tokenSpans, TextSpan span) {
        float[] sum = new float[dimension];
        int tokens = 0;
        for (int t = 0; t < Math.min(length, tokenSpans.length); t++) {
            TextSpan token = tokenSpans[t];
            if (token != null && mask[row * length + t] != 0 && token.start() < span.end()
                    && span.start() < token.end()) {
                add(sum, row, t);
                tokens++;
            }
        }
        return normalisedMean(sum, tokens);
    }

    private void add(float[] sum, int row, int token) {
        int offset = (row * length + token) * dimension;
        for (int d = 0; d < dimension; d++) {
            sum[d] += values[offset + d];
        }
    }

    /** The mean scaled to unit norm (the division by the count only matters for rounding); null if degenerate. */
    private static float[] normalisedMean(float[] sum, int count) {
        if (count == 0) {
            return null;
        }
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= count;
            norm += (double) sum[d] * sum[d];
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return null;
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] = (float) (sum[d] / norm);
        }
        return sum;
    }
}
