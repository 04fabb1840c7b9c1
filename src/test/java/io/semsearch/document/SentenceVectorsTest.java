package io.semsearch.document;

import io.semsearch.ingest.TextSpan;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SentenceVectorsTest {

    @Test
    void storedFormReadsBackTheSameSpansAndVectors() {
        SentenceVectors sentences = SentenceVectors.of(List.of(new TextSpan(0, 10), new TextSpan(11, 30)),
                List.of(new float[] {0.6f, 0.8f, 0}, new float[] {-1, 0, Float.MIN_VALUE}));
        SentenceVectors read = SentenceVectors.decode(sentences.flatSpans(), sentences.encodedVectors());
        assertEquals(sentences.spans(), read.spans());
        assertArrayEquals(new int[] {0, 10, 11, 30}, sentences.flatSpans());
        assertArrayEquals(new float[] {0.6f, 0.8f, 0}, read.vectorOf(new TextSpan(0, 10)));
        assertArrayEquals(new float[] {-1, 0, Float.MIN_VALUE}, read.vectorOf(new TextSpan(11, 30)));
        assertNull(read.vectorOf(new TextSpan(0, 30)));
    }

    @Test
    void vectorsAreFloat32LittleEndian() {
        byte[] bytes = SentenceVectors.of(List.of(new TextSpan(0, 1)), List.of(new float[] {1.0f})).encodedVectors();
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, bytes);
    }

    @Test
    void spansWithoutVectorsAreLeftOut() {
        SentenceVectors sentences = SentenceVectors.of(List.of(new TextSpan(0, 5), new TextSpan(6, 9)),
                Arrays.asList(new float[] {1, 0}, null));
        assertEquals(List.of(new TextSpan(0, 5)), sentences.spans());
        assertNull(sentences.vectorOf(new TextSpan(6, 9)));
        assertEquals(8, sentences.encodedVectors().length);
    }

    @Test
    void noSentencesIsEmptyNotNull() {
        SentenceVectors none = SentenceVectors.decode(new int[0], new byte[0]);
        assertEquals(List.of(), none.spans());
        assertEquals(0, SentenceVectors.of(List.of(), List.of()).encodedVectors().length);
    }

    @Test
    void inconsistentStoredFormIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SentenceVectors.decode(new int[] {0, 1, 2}, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> SentenceVectors.decode(new int[] {0, 1, 2, 3}, new byte[4]));
    }
}
