package io.semsearch.document;

/** A stored passage's vector and its sentences' vectors, as one forward pass of the model made them. */
public record PassageVectors(float[] vector, SentenceVectors sentences) {
}
