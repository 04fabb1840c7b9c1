package io.semsearch.document;

import io.semsearch.common.TextSpan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences of a chunk, found once at indexing, each with its vector: the sentence at {@code spans.get(i)} of the
 * chunk text has vector {@code vectors.get(i)}. Stored as {@code chunk.sentence_spans} (start, end pairs) and
 * {@code chunk.sentence_embeddings} (float32 little-endian, one vector after the other).
 */
public record SentenceVectors(List<TextSpan> spans, List<float[]> vectors) {

    public static final SentenceVectors NONE = new SentenceVectors(List.of(), List.of());

    public SentenceVectors {
        if (spans.size() != vectors.size()) {
            throw new IllegalArgumentException(spans.size() + " spans but " + vectors.size() + " vectors");
        }
        spans = List.copyOf(spans);
        vectors = List.copyOf(vectors); // rejects null vectors
        int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        if (vectors.stream().anyMatch(v -> v.length != dimension)) {
            throw new IllegalArgumentException("Sentence vectors of different dimensions");
        }
    }

    /** Reads the stored form back; chunks stored without sentences (null columns) have none. */
    public static SentenceVectors decode(int[] flatSpans, byte[] encodedVectors) {
        if (flatSpans == null || encodedVectors == null) {
            return NONE;
        }
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

    public int size() {
        return spans.size();
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
        vectors.forEach(floats::put);
        return bytes.array();
    }
}
