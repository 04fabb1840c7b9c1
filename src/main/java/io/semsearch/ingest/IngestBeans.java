package io.semsearch.ingest;

import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.ModelDescriptor;
import io.semsearch.embedding.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the framework-free cleaning and chunking classes with the configuration and the model's tokenizer. */
public class IngestBeans {

    @Produces
    @ApplicationScoped
    TextCleaner textCleaner() {
        return new TextCleaner(BoilerplateRules.loadDefault());
    }

    @Produces
    @ApplicationScoped
    SentenceSegmenter sentenceSegmenter() {
        return new SentenceSegmenter();
    }

    /**
     * Chunks must fit the model's window whole, prefix and special tokens included: every sentence of a chunk then
     * gets a vector from the chunk's forward pass.
     */
    @Produces
    @ApplicationScoped
    SentenceChunker sentenceChunker(SentenceSegmenter segmenter, EmbeddingService embedding, IngestConfig config) {
        ModelDescriptor model = embedding.activeModel().descriptor();
        int window = model.maxTokens() - 2 - embedding.countTokens(model.passagePrefix());
        if (config.chunkMaxTokens() > window) {
            throw new IllegalStateException("semsearch.ingest.chunk-max-tokens is " + config.chunkMaxTokens()
                    + " but model '" + model.name() + "' reads at most " + window + " tokens of a passage");
        }
        ChunkTokenizer tokenizer = new ChunkTokenizer() {
            @Override
            public Tokens tokenize(String text) {
                return embedding.tokenize(text);
            }

            @Override
            public int countTokens(String text) {
                return embedding.countTokens(text);
            }
        };
        return new SentenceChunker(segmenter, tokenizer, config.chunkMaxTokens(), config.chunkOverlapSentences());
    }
}
