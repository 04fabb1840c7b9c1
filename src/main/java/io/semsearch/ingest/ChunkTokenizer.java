package io.semsearch.ingest;

import io.semsearch.embedding.Tokens;

/**
 * Cuts a text into tokens the way the embedding model will see it (the model's Hugging Face tokenizer, in the
 * service). {@link SentenceChunker} counts with it and keeps each chunk's tokens for the embedding. Implementations
 * should be thread-safe if the chunker is shared between threads.
 */
public interface ChunkTokenizer {

    /** The text's tokens, special tokens excluded. */
    Tokens tokenize(String text);

    /** As many as {@link #tokenize} returns; an implementation may count without building the tokens. */
    default int countTokens(String text) {
        return tokenize(text).count();
    }
}
