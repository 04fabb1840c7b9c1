package io.semsearch.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.semsearch.document.DocumentRepository;
import io.semsearch.ingest.IndexRequest;
import io.semsearch.ingest.IngestService;
import io.semsearch.ingest.SampleCorpus;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The data every full-stack test may rely on: the five sample articles as the service indexes them at start, and
 * nothing else. Each run starts from an empty schema (Flyway clean in the test profile); tests that write call
 * {@link #restore()} after each test, so that what one test writes cannot leak into another.
 */
@ApplicationScoped
public class TestData {

    private final IngestService ingest;
    private final DocumentRepository documents;

    public TestData(IngestService ingest, DocumentRepository documents) {
        this.ingest = ingest;
        this.documents = documents;
    }

    /** Deletes every document but the sample articles, and indexes those again where a test changed them. */
    public void restore() {
        List<String> samples = SampleCorpus.requests().stream().map(IndexRequest::source).toList();
        QuarkusTransaction.requiringNew().run(() -> documents.delete("source not in ?1", samples));
        ingest.indexAll(SampleCorpus.requests());
    }
}
