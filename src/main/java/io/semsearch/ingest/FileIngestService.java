package io.semsearch.ingest;

import io.micrometer.core.instrument.Metrics;
import io.semsearch.common.Traces;
import io.semsearch.extraction.DocumentExtractor;
import io.semsearch.extraction.ExtractedDocument;
import io.semsearch.extraction.ExtractionException;
import io.semsearch.extraction.LanguageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Indexes files: their main text and metadata are extracted ({@link DocumentExtractor}: type from the content, limits,
 * main content of web pages), then indexed as a text is ({@link IngestService}: the cleaning rules and repeated-line
 * removal still apply). A file that cannot be extracted raises its {@code ExtractionException} (413, 415 or 422) and
 * nothing is stored.
 */
@ApplicationScoped
public class FileIngestService {

    private final DocumentExtractor extractor;
    private final IngestService ingest;
    private final IngestConfig config;

    public FileIngestService(DocumentExtractor extractor, IngestService ingest, IngestConfig config) {
        this.extractor = extractor;
        this.ingest = ingest;
        this.config = config;
    }

    /** What indexing a file did, and what its extraction kept. */
    public record Indexed(IndexResult result, ExtractionSummary extraction) {
    }

    public Indexed index(FileToIndex file) {
        ExtractedDocument extracted = extract(file.content(), file.fileName(), file.declaredType());
        return new Indexed(ingest.index(request(extracted, file, config.language())), ExtractionSummary.of(extracted));
    }

    /** The file's text and metadata; an {@code ExtractionException} when it cannot be extracted. */
    ExtractedDocument extract(Path content, String fileName, String declaredType) {
        long started = System.nanoTime();
        String outcome = "extracted";
        try {
            return Traces.span("semsearch.extract", span -> {
                try {
                    ExtractedDocument extracted = extractor.extract(content, fileName, declaredType);
                    span.setAttribute("media_type", extracted.mediaType());
                    span.setAttribute("chars", extracted.text().length());
                    return extracted;
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + content, e);
                }
            });
        } catch (ExtractionException e) {
            outcome = "refused";
            Metrics.counter("semsearch.extraction.refusals", "reason", e.getClass().getSimpleName()
                    .replace("Exception", "")).increment();
            throw e;
        } catch (RuntimeException e) {
            outcome = "failed";
            throw e;
        } finally {
            Metrics.timer("semsearch.extraction", "outcome", outcome)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * What is indexed of an extracted file: its text; the caller's title, else the file's; the file's metadata
     * (title, author, published, language and where it comes from, media type...) with the file name, under the
     * caller's, which win; the caller's language, else the file's (declared or detected), else {@code
     * defaultLanguage}: extraction already tried to detect it, on the same text with the same threshold, so the
     * indexer does not try again.
     */
    static IndexRequest request(ExtractedDocument extracted, FileToIndex file, String defaultLanguage) {
        Map<String, Object> metadata = new LinkedHashMap<>(extracted.metadata());
        if (file.fileName() != null && !file.fileName().isBlank()) {
            metadata.put("fileName", file.fileName());
        }
        String language = extracted.language();
        if (file.language() != null && !file.language().isBlank()) {
            language = LanguageIdentifier.toIso6391(file.language());
            metadata.put("language", language);
            metadata.put("languageSource", "request");
            metadata.remove("languageConfidence");
        } else if (language == null) {
            language = defaultLanguage;
            metadata.put("language", language);
            metadata.put("languageSource", "default");
        }
        if (file.metadata() != null) {
            metadata.putAll(file.metadata());
        }
        String title = file.title() != null && !file.title().isBlank() ? file.title() : extracted.title();
        return new IndexRequest(file.source(), title, extracted.text(), metadata, language);
    }
}
