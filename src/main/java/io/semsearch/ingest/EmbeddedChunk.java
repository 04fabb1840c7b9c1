package io.semsearch.ingest;

import io.semsearch.document.SentenceVectors;

/** A chunk's vector and its sentences' vectors, from one forward pass. */
record EmbeddedChunk(float[] vector, SentenceVectors sentences) {
}
