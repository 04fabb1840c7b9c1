package io.semsearch.ingest;

/**
 * Counts the tokens of a text the way the embedding model will see it (implemented elsewhere with the model's
 * Hugging Face tokenizer). Implementations used by {@link SentenceChunker} should be thread-safe if the chunker is
 * shared between threads.
 */
@FunctionalInterface
public interface TokenCounter {

    int countTokens(String text);
}
