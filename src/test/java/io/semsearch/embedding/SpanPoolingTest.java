package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.semsearch.common.TextSpan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pooling of sentence vectors from a passage's hidden states ("late chunking"), on hand-made states. */
class SpanPoolingTest {

    private static final int DIM = 3;

    /**
     * Two rows of 7 positions: row 0 is "[CLS] passage : Abc def . Gh [SEP]" minus padding, row 1 is shorter and
     * padded. Every token gets a distinct state, padding gets a huge one that must never count.
     */
    private static final float[][] ROW0 = {
            {100, 0, 0}, // [CLS]
            {0, 100, 0}, // passage (prefix)
            {1, 2, 3}, // "Abc"
            {3, 0, 1}, // "def"
            {0, 1, 1}, // "."
            {5, 5, -1}, // "Gh"
            {0, 0, 100}}; // [SEP]
    private static final float[][] ROW1 = {
            {100, 0, 0}, // [CLS]
            {2, 1, 0}, // "Xy"
            {0, 0, 100}, // [SEP]
            {1e6f, 1e6f, 1e6f}, // padding
            {1e6f, 1e6f, 1e6f},
            {1e6f, 1e6f, 1e6f},
            {1e6f, 1e6f, 1e6f}};
    private static final HiddenStates STATES = new HiddenStates(flatten(ROW0, ROW1),
            new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, 2, 7, DIM);

    /** Token spans in passage coordinates: passage "Abc def. Gh" (special tokens and prefix: null). */
    private static final TextSpan[] ROW0_TOKENS = {null, null, new TextSpan(0, 3), new TextSpan(4, 7),
            new TextSpan(7, 8), new TextSpan(9, 11), null};

    @Test
    void sentenceVectorIsTheNormalisedMeanOfItsTokensOnly() {
        assertArrayEquals(normalisedMean(ROW0[2], ROW0[3], ROW0[4]),
                STATES.meanPool(0, ROW0_TOKENS, new TextSpan(0, 8)), 1e-6f);
        assertArrayEquals(normalisedMean(ROW0[5]), STATES.meanPool(0, ROW0_TOKENS, new TextSpan(9, 11)), 1e-6f);
    }

    @Test
    void tokensCountWhenTheyOverlapTheSpan() {
        // "def" is half in [5, 9), "Gh" starts at 9 and is out.
        assertArrayEquals(normalisedMean(ROW0[3], ROW0[4]), STATES.meanPool(0, ROW0_TOKENS, new TextSpan(5, 9)),
                1e-6f);
    }

    @Test
    void aSpanWithoutTokensHasNoVector() {
        assertNull(STATES.meanPool(0, ROW0_TOKENS, new TextSpan(8, 9)), "only the space between the sentences");
        assertNull(STATES.meanPool(0, ROW0_TOKENS, new TextSpan(20, 30)), "beyond the kept tokens");
    }

    @Test
    void paddingNeverCounts() {
        TextSpan[] tokens = {null, new TextSpan(0, 2), null, new TextSpan(3, 5), new TextSpan(3, 5), null, null};
        assertArrayEquals(normalisedMean(ROW1[1]), STATES.meanPool(1, tokens, new TextSpan(0, 5)), 1e-6f);
        assertNull(STATES.meanPool(1, tokens, new TextSpan(3, 5)));
    }

    @Test
    void passageVectorIsTheMeanOfAllItsTokens() {
        assertArrayEquals(normalisedMean(ROW0), STATES.meanPool(0), 1e-6f);
        assertArrayEquals(normalisedMean(ROW1[0], ROW1[1], ROW1[2]), STATES.meanPool(1), 1e-6f);
        assertEquals(7, STATES.tokens(0));
        assertEquals(3, STATES.tokens(1));
    }

    @Test
    void tokenSpansAreMovedIntoThePassageAndSpecialTokensDropped() {
        String encoded = "passage: Abc def. Gh";
        CharSpan[] spans = {null, new CharSpan(0, 7), new CharSpan(7, 8), new CharSpan(9, 12), new CharSpan(13, 16),
                new CharSpan(16, 17), new CharSpan(18, 20), new CharSpan(0, 0)};
        TextSpan[] inPassage = TokenSpans.inPassage(spans, encoded, 9, spans.length);
        assertArrayEquals(new TextSpan[] {null, null, null, new TextSpan(0, 3), new TextSpan(4, 7),
                new TextSpan(7, 8), new TextSpan(9, 11), null}, inPassage);
    }

    @Test
    void aTokenStraddlingThePrefixIsClippedToThePassage() {
        // SentencePiece tokens carry the space before them: "▁L" of "passage: L’été" covers [8, 10).
        CharSpan[] spans = {null, new CharSpan(0, 7), new CharSpan(7, 8), new CharSpan(8, 10), null};
        assertArrayEquals(new TextSpan[] {null, null, null, new TextSpan(0, 1), null},
                TokenSpans.inPassage(spans, "passage: L", 9, spans.length));
    }

    @Test
    void codePointOffsetsBecomeCharOffsets() {
        // The tokenizer counts code points: the emoji is one, but two chars in Java.
        String encoded = "passage: a 😀 b";
        CharSpan[] spans = {null, new CharSpan(9, 10), new CharSpan(11, 12), new CharSpan(13, 14), null};
        TextSpan[] inPassage = TokenSpans.inPassage(spans, encoded, 9, spans.length);
        assertEquals("a", inPassage[1].in(encoded.substring(9)));
        assertEquals("😀", inPassage[2].in(encoded.substring(9)));
        assertEquals("b", inPassage[3].in(encoded.substring(9)));
    }

    @Test
    void truncatedTokensHaveNoSpanAndTheKeptClosingTokenIsSpecial() {
        // Kept as truncate() keeps ids: the first (max - 1) tokens, then the closing special token.
        CharSpan[] spans = {null, new CharSpan(0, 1), new CharSpan(2, 3), new CharSpan(4, 5), null};
        TextSpan[] kept = TokenSpans.inPassage(spans, "a b c", 0, 3);
        assertArrayEquals(new TextSpan[] {null, new TextSpan(0, 1), null}, kept);
    }

    private static float[] normalisedMean(float[]... tokens) {
        double[] mean = new double[DIM];
        for (float[] token : tokens) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += token[d] / tokens.length;
            }
        }
        double norm = Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
        float[] vector = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            vector[d] = (float) (mean[d] / norm);
        }
        return vector;
    }

    private static float[] flatten(float[][]... rows) {
        float[] values = new float[rows.length * rows[0].length * DIM];
        int i = 0;
        for (float[][] row : rows) {
            for (float[] token : row) {
                for (float v : token) {
                    values[i++] = v;
                }
            }
        }
        return values;
    }
}
