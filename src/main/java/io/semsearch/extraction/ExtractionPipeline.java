package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

import java.util.EnumMap;
import java.util.Map;

/**
 * One file's extraction on the calling thread, without time limit: type detection ({@link TypeDetection}), the
 * format's {@link FormatReader}, then {@link DocumentFinisher}. Thread-safe.
 */
final class ExtractionPipeline {

    private final TypeDetection types = new TypeDetection();
    private final Map<DocumentFormat, FormatReader> readers = new EnumMap<>(DocumentFormat.class);
    private final DocumentFinisher finisher;

    ExtractionPipeline(ExtractionOptions options, LanguageIdentifier languages) {
        TextCharsets charsets = new TextCharsets();
        TikaExtraction tika = new TikaExtraction(options);
        readers.put(DocumentFormat.HTML, new HtmlReader(options, charsets, types));
        readers.put(DocumentFormat.MARKDOWN, new MarkdownReader(options, charsets));
        readers.put(DocumentFormat.TEXT, new PlainTextReader(options, charsets));
        for (DocumentFormat format : new DocumentFormat[] {DocumentFormat.DOCX, DocumentFormat.ODT}) {
            readers.put(format, new OfficeReader(format, options, tika, null));
        }
        ScannedPages scans = new ScannedPages(new TesseractOcr(options.ocr()));
        readers.put(DocumentFormat.PDF, new OfficeReader(DocumentFormat.PDF, options, tika, scans));
        readers.put(DocumentFormat.IMAGE, new ImageReaderOcr(scans));
        this.finisher = new DocumentFinisher(options, languages);
    }

    ExtractedDocument extract(byte[] content, String fileName, String declaredType) {
        if (content.length == 0) {
            throw new NoMainTextException("The file is empty.");
        }
        MediaType type = types.detect(content, fileName, declaredType);
        DocumentFormat format = types.formatOf(type, fileName, declaredType);
        Draft draft = readers.get(format).read(content, type, fileName);
        return finisher.finish(draft, format, type);
    }

    MediaType detect(byte[] content, String fileName, String declaredType) {
        return types.detect(content, fileName, declaredType);
    }
}
