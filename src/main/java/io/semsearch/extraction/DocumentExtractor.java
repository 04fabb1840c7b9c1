package io.semsearch.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts the main text and metadata of an uploaded or found file: HTML and XHTML (main content only), PDF, DOCX,
 * ODT, Markdown and plain text. The type comes from the content (Tika's detector, with the file name and declared
 * type as hints), never from the name or declared type alone. Anything else, and every file that cannot be read
 * safely, raises an {@link ExtractionException} whose {@link ExtractionException#status()} is the HTTP status to
 * answer with.
 *
 * <p>The size limit is checked here; the parse ({@link ExtractionPipeline}) runs on {@link ExtractionWorkers}: a
 * bounded pool (503 when its queue is full) whose caller gets an {@link ExtractionTimeoutException} after
 * {@link ExtractionOptions#timeout()}. Thread-safe; create one and share it, and {@link #close()} it at shutdown (it
 * owns its workers; the language model of about 10 MB is shared through the {@link LanguageIdentifier}).
 */
public final class DocumentExtractor implements AutoCloseable {

    private final ExtractionOptions options;
    private final ExtractionPipeline pipeline;
    private final ExtractionWorkers workers;

    /** With {@link ExtractionOptions#defaults()}. */
    public DocumentExtractor() {
        this(ExtractionOptions.defaults());
    }

    public DocumentExtractor(ExtractionOptions options) {
        this(options, new LanguageIdentifier());
    }

    /** Shares a language identifier (its model is the costly part) between extractors of different options. */
    public DocumentExtractor(ExtractionOptions options, LanguageIdentifier languages) {
        this.options = options;
        this.pipeline = new ExtractionPipeline(options, languages);
        this.workers = new ExtractionWorkers(options);
    }

    public ExtractionOptions options() {
        return options;
    }

    /**
     * Extracts a file held in memory.
     *
     * @param content the file's bytes
     * @param fileName its name, or {@code null}: a hint for the type detector (the content wins)
     * @param declaredType the {@code Content-Type} it was sent with, or {@code null}: a hint as well
     * @throws ExtractionException (a subclass) when the file is refused; nothing else for a bad file
     */
    public ExtractedDocument extract(byte[] content, String fileName, String declaredType) {
        if (content.length > options.maxBytes()) {
            throw tooLarge(content.length);
        }
        return workers.run(() -> pipeline.extract(content, fileName, declaredType));
    }

    /**
     * Reads at most {@link ExtractionOptions#maxBytes()} bytes of a stream, then extracts them. The stream is not
     * closed.
     */
    public ExtractedDocument extract(InputStream in, String fileName, String declaredType) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            total += n;
            if (total > options.maxBytes()) {
                throw tooLarge(-1);
            }
            buffer.write(chunk, 0, n);
        }
        return extract(buffer.toByteArray(), fileName, declaredType);
    }

    /**
     * Extracts a file on disk (an upload kept in a temporary file, a file of a synced folder); its size is checked
     * before it is read.
     *
     * @param fileName its original name, or {@code null}: a hint for the type detector
     * @param declaredType the {@code Content-Type} it was sent with, or {@code null}: a hint as well
     */
    public ExtractedDocument extract(Path file, String fileName, String declaredType) throws IOException {
        long size = Files.size(file);
        if (size > options.maxBytes()) {
            throw tooLarge(size);
        }
        return extract(Files.readAllBytes(file), fileName, declaredType);
    }

    /** The media type detected from the content, with the name and declared type as hints (no parsing). */
    public String detectMediaType(byte[] content, String fileName, String declaredType) {
        return pipeline.detect(content, fileName, declaredType).toString();
    }

    @Override
    public void close() {
        workers.close();
    }

    private DocumentTooLargeException tooLarge(long size) {
        return new DocumentTooLargeException("The file" + (size >= 0 ? " (" + size + " bytes)" : "")
                + " is larger than the limit of " + options.maxBytes() + " bytes (semsearch.extraction.max-size).",
                options.maxBytes());
    }
}
