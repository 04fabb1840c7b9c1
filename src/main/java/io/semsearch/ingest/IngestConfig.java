package io.semsearch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How texts are cleaned, cut into chunks and indexed. */
@ConfigMapping(prefix = "semsearch.ingest")
public interface IngestConfig {

    /**
     * Most file uploads ({@code POST /api/documents/files}) extracted and indexed at once per API key; one more is
     * refused with 429 and {@code Retry-After}, so that one key cannot fill the extraction queue alone.
     */
    @WithDefault("4")
    int maxUploadsPerKey();

    /** Token budget of a chunk, counted with the embedding model's own tokenizer. */
    @WithDefault("200")
    int chunkMaxTokens();

    /** Sentences a chunk repeats from the end of the previous one. */
    @WithDefault("1")
    int chunkOverlapSentences();

    /**
     * Language recorded on an indexed text when neither the request nor the file says it and it cannot be detected
     * (fewer than {@code semsearch.extraction.min-language-chars} letters); an ISO 639-1 code.
     */
    @WithDefault("fr")
    String language();

    /** Largest text accepted for one document, in bytes of UTF-8. */
    @WithDefault("1048576")
    long maxTextBytes();

    /** Index the bundled sample articles at start when the store holds no document. */
    @WithDefault("true")
    boolean sampleCorpus();

    /**
     * A folder whose files (HTML, PDF, DOCX, ODT, Markdown, plain text; by extension, the content decides the type)
     * are kept indexed, in the background: at start, then every {@link #directorySyncInterval()}. Changed files are
     * indexed again, the documents of deleted files deleted. Replicas that share it must mount it at the same path.
     */
    Optional<Path> directory();

    /**
     * Time between the starts of two syncs of {@link #directory()}; a sync still running when the next is due makes
     * that one skipped. 0: at start only.
     */
    @WithDefault("5m")
    Duration directorySyncInterval();

    /** Documents indexed per embedding run when indexing many (a directory, a benchmark corpus). */
    @WithDefault("64")
    int bulkDocuments();

    /**
     * Chunks embedded together before their documents are written, when indexing many texts at once; while one
     * group is written, the next is embedded (when {@link #overlapWrites()}). 0: all the texts of a request at once.
     */
    @WithDefault("64")
    int embeddingGroupChunks();

    /**
     * Write a group of documents while the next group is embedded, rather than after all are embedded.
     * docs/benchmarks/performance.md measures both.
     */
    @WithDefault("true")
    boolean overlapWrites();

    /**
     * At start, re-embed documents whose vectors come from another model than the active one (vectors of two models
     * are not comparable). When false, the service refuses to start while such documents exist.
     */
    @WithDefault("true")
    boolean reembedOnModelChange();
}
