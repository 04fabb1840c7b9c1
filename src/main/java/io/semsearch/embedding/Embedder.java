package io.semsearch.embedding;

import java.util.List;

/**
 * What search and indexing need of the embedding model: {@link EmbeddingService} is the service's; the unit tests of
 * those features use a deterministic one instead of the real model.
 */
public interface Embedder {

    /** Name of the model whose vectors this embedder makes: vectors of two models are not comparable. */
    String modelName();

    /** Embeds a search question with the model's query prefix. */
    float[] embedQuery(String question);

    /** Embeds passages to index and, from the same forward pass, each of their sentences; one result per passage. */
    List<PassageEmbedding> embedPassages(List<PassageText> passages);
}
