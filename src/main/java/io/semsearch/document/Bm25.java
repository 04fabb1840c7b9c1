package io.semsearch.document;

/**
 * How the lexical retriever ranks and how much it reads.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param candidatePostings the rarest query words are read until their chunks add up to this (the rarest always)
 * @param maxScored at most this many candidates are scored per text search configuration
 */
public record Bm25(double k1, double b, int candidatePostings, int maxScored) {
}
