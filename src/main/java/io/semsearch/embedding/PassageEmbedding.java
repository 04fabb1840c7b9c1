package io.semsearch.embedding;

import java.util.List;

/** A passage's vector and, from the same forward pass, one vector per sentence asked for, in their order. */
public record PassageEmbedding(float[] vector, List<float[]> sentenceVectors) {
}
