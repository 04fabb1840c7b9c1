package io.semsearch.ingest;

import io.semsearch.embedding.EmbeddingService;
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

    @Produces
    @ApplicationScoped
    SentenceChunker sentenceChunker(SentenceSegmenter segmenter, EmbeddingService embedding, IngestConfig config) {
        return new SentenceChunker(segmenter, embedding::countTokens, config.chunkMaxTokens(),
                config.chunkOverlapSentences());
    }
}
