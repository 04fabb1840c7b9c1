package io.semsearch.embedding;

import java.util.List;

/**
 * A passage's vector and, from the same forward pass, one vector per span asked for.
 *
 * @param spanVectors in the order of the spans; an element is null when none of the span's tokens was embedded
 *     (beyond the model's window)
 */
public record PassageEmbedding(float[] vector, List<float[]> spanVectors) {
}
