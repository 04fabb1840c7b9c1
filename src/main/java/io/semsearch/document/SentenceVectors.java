package io.semsearch.document;

import io.semsearch.ingest.TextSpan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Vectors of sentences of a chunk: the sentence at {@code spans.get(i)} of the chunk text has vector
 * {@code vectors.get(i)}. Stored as {@code chunk.sentence_spans} (start, end pairs) and
 * {@code chunk.sentence_embeddings} (float32 little-endian, one vector after the other).
 */
public record SentenceVectors(List<TextSpan> spans, List<float[]> vectors) {

    public SentenceVectors {
        if (spans.size() != vectors.size()) {
            throw new IllegalArgumentException(spans.size() + " spans but " + vectors.size() + " vectors");
        }
    }

    /** The spans that have a vector, with it; a null vector leaves its span out. */
    public static SentenceVectors of(List<TextSpan> spans, List<float[]> vectors) {
        if (spans.size() != vectors.size()) {
            throw new IllegalArgumentException(spans.size() + " spans but " + vectors.size() + " vectors");
        }
        List<TextSpan> kept = new ArrayList<>(spans.size());
        List<float[]> keptVectors = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            if (vectors.get(i) != null) {
                kept.add(spans.get(i));
                keptVectors.add(vectors.get(i));
            }
        }
        return new SentenceVectors(List.copyOf(kept), List.copyOf(keptVectors));
    }

    /** Reads the stored form back. */
    public static SentenceVectors decode(int[] flatSpans, byte[] encodedVectors) {
        if (flatSpans.length % 2 != 0) {
            throw new IllegalArgumentException("Odd number of span offsets: " + flatSpans.length);
        }
        int count = flatSpans.length / 2;
        int floats = encodedVectors.length / Float.BYTES;
        if (encodedVectors.length % Float.BYTES != 0 || (count == 0 ? floats != 0 : floats % count != 0)) {
            throw new IllegalArgumentException(encodedVectors.length + " bytes of vectors for " + count + " spans");
        }
        FloatBuffer buffer = ByteBuffer.wrap(encodedVectors).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        List<TextSpan> spans = new ArrayList<>(count);
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spans.add(new TextSpan(flatSpans[2 * i], flatSpans[2 * i + 1]));
            float[] vector = new float[floats / count];
            buffer.get(vector);
            vectors.add(vector);
        }
        return new SentenceVectors(spans, vectors);
    }

    /** The vector of the sentence at exactly this span, or null. */
    public float[] vectorOf(TextSpan span) {
        int i = spans.indexOf(span);
        return i < 0 ? null : vectors.get(i);
    }

    public int[] flatSpans() {
        int[] flat = new int[2 * spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            flat[2 * i] = spans.get(i).start();
            flat[2 * i + 1] = spans.get(i).end();
        }
        return flat;
    }

    public byte[] encodedVectors() {
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        ByteBuffer bytes = ByteBuffer.allocate(vectors.size() * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        for (float[] vector : vectors) {
            if (vector.length != dimension) {
                throw new IllegalArgumentException("Vectors of " + dimension + " and " + vector.length + " dimensions");
            }
            floats.put(vector);
        }
        return bytes.array();
    }
}
