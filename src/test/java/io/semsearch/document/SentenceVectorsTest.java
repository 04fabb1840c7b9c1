package io.semsearch.document;

import io.semsearch.common.TextSpan;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SentenceVectorsTest {

    @Test
    void storedFormReadsBackTheSameSpansAndVectors() {
        SentenceVectors sentences = new SentenceVectors(List.of(new TextSpan(0, 10), new TextSpan(11, 30)),
                List.of(new float[] {0.6f, 0.8f, 0}, new float[] {-1, 0, Float.MIN_VALUE}));
        SentenceVectors read = SentenceVectors.decode(sentences.flatSpans(), sentences.encodedVectors());
        assertEquals(sentences.spans(), read.spans());
        assertArrayEquals(new int[] {0, 10, 11, 30}, sentences.flatSpans());
        assertArrayEquals(new float[] {0.6f, 0.8f, 0}, read.vectors().get(0));
        assertArrayEquals(new float[] {-1, 0, Float.MIN_VALUE}, read.vectors().get(1));
    }

    @Test
    void vectorsAreFloat32LittleEndian() {
        byte[] bytes = new SentenceVectors(List.of(new TextSpan(0, 1)), List.of(new float[] {1.0f})).encodedVectors();
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, bytes);
    }

    @Test
    void everySentenceHasAVectorOfOneDimension() {
        assertThrows(NullPointerException.class, () -> new SentenceVectors(
                List.of(new TextSpan(0, 5), new TextSpan(6, 9)), Arrays.asList(new float[] {1, 0}, null)));
        assertThrows(IllegalArgumentException.class, () -> new SentenceVectors(
                List.of(new TextSpan(0, 5), new TextSpan(6, 9)), List.of(new float[] {1, 0}, new float[] {1})));
        assertThrows(IllegalArgumentException.class, () -> new SentenceVectors(
                List.of(new TextSpan(0, 5)), List.of()));
    }

    @Test
    void noSentencesIsEmptyNotNull() {
        SentenceVectors none = SentenceVectors.decode(new int[0], new byte[0]);
        assertEquals(List.of(), none.spans());
        assertEquals(0, SentenceVectors.NONE.encodedVectors().length);
        assertEquals(SentenceVectors.NONE, SentenceVectors.decode(null, null));
    }

    @Test
    void inconsistentStoredFormIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SentenceVectors.decode(new int[] {0, 1, 2}, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> SentenceVectors.decode(new int[] {0, 1, 2, 3}, new byte[4]));
    }
}
