package io.semsearch.extraction;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the shared {@link DocumentExtractor} at start and parses a small PDF and web page with it, on a worker of
 * Quarkus' managed executor so that the service is ready as soon as without it
 * ({@code semsearch.extraction.warm-up}). Without this the first upload of a process waits for the language model
 * (about a second) and, for a PDF, for PDFBox's scan of the system's fonts (seconds).
 */
@Singleton
public class ExtractionWarmUp {

    private static final Logger LOG = Logger.getLogger(ExtractionWarmUp.class);
    private static final String SENTENCE = "Ce court document prépare l'extraction de texte du service de recherche"
            + " sémantique avant le premier envoi de fichier.";

    void onStart(@Observes StartupEvent event, ExtractionConfig config, Instance<DocumentExtractor> extractor,
            ManagedExecutor executor) {
        if (config.warmsUp()) {
            executor.runAsync(() -> warmUp(extractor.get()));
        }
    }

    static void warmUp(DocumentExtractor extractor) {
        long started = System.nanoTime();
        try {
            extractor.extract(pdf(), "warm-up.pdf", "application/pdf");
            extractor.extract(("<!DOCTYPE html><html lang=\"fr\"><head><title>Préchauffage</title></head><body>"
                    + "<nav><a href=\"/\">Accueil</a></nav><main><h1>Préchauffage</h1><p>" + SENTENCE + "</p>"
                    + "</main></body></html>").getBytes(StandardCharsets.UTF_8), "warm-up.html", "text/html");
            LOG.infof("Document extraction ready (language model, PDF and HTML parsers) in %d ms",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | IOException e) {
            LOG.warnf("Warming up document extraction failed (the first upload will be slower): %s", e.toString());
        }
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(Standard14Font.of(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 720);
                content.showText(SENTENCE);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
