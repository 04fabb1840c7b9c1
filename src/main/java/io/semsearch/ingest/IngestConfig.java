package io.semsearch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** How texts are cleaned, cut into chunks and indexed. */
@ConfigMapping(prefix = "semsearch.ingest")
public interface IngestConfig {

    /** Token budget of a chunk, counted with the embedding model's own tokenizer. */
    @WithDefault("200")
    int chunkMaxTokens();

    /** Sentences a chunk repeats from the end of the previous one. */
    @WithDefault("1")
    int chunkOverlapSentences();

    /** Language recorded on indexed documents (the cleaning rules and full-text configuration are French). */
    @WithDefault("fr")
    String language();

    /** Largest text accepted for one document, in bytes of UTF-8. */
    @WithDefault("1048576")
    long maxTextBytes();

    /** Index the bundled sample articles at start when the store holds no document. */
    @WithDefault("true")
    boolean sampleCorpus();

    /** A folder whose {@code .txt} and {@code .md} files are indexed at start, in the background. */
    Optional<Path> directory();

    /** Documents indexed per embedding run when indexing many (a directory, a benchmark corpus). */
    @WithDefault("64")
    int bulkDocuments();

    /**
     * At start, re-embed documents whose vectors come from another model than the active one (vectors of two models
     * are not comparable). When false, the service refuses to start while such documents exist.
     */
    @WithDefault("true")
    boolean reembedOnModelChange();
}
