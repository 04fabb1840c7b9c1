package io.semsearch.extraction;

import io.semsearch.common.DaemonThreads;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extracts the main text and metadata of an uploaded or found file: HTML and XHTML (main content only), PDF, DOCX,
 * ODT, Markdown and plain text. The type comes from the content (Tika's detector, with the file name and declared
 * type as hints), never from the name or declared type alone. Anything else, and every file that cannot be read
 * safely, raises an {@link ExtractionException} whose {@link ExtractionException#status()} is the HTTP status to
 * answer with.
 *
 * <p>Each parse runs on a worker thread and is abandoned after {@link ExtractionOptions#timeout()}: the caller gets
 * an {@link ExtractionTimeoutException} at once. Interruption is cooperative: a parser that ignores it goes on until
 * it finishes, bounded by the size and text limits. Thread-safe; create one and share it, and {@link #close()} it at
 * shutdown (it owns the worker threads and a language model of about 10 MB).
 */
public final class DocumentExtractor implements AutoCloseable {

    /** A detected language overrides the declared one when at least this probable on at least this many letters. */
    static final double OVERRIDE_CONFIDENCE = 0.9;
    static final int OVERRIDE_MIN_LETTERS = 200;

    /** Bytes all parts of an office file may inflate to, per character of {@link ExtractionOptions#maxChars()}. */
    static final long MAX_INFLATED_PER_CHAR = 64;

    private static final MediaType XHTML = MediaType.application("xhtml+xml");
    private static final MediaType HTML = MediaType.text("html");
    private static final MediaType TEXT = MediaType.TEXT_PLAIN;
    private static final MediaType PDF_TYPE = MediaType.application("pdf");
    private static final Set<MediaType> DOCX = Set.of(
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.ms-word.document.macroenabled.12"));
    private static final MediaType ODT = MediaType.application("vnd.oasis.opendocument.text");
    private static final Set<MediaType> MARKDOWN = Set.of(MediaType.text("x-web-markdown"),
            MediaType.text("markdown"), MediaType.text("x-markdown"));
    private static final Set<MediaType> PROTECTED = Set.of(MediaType.application("x-tika-ooxml-protected"));

    private final ExtractionOptions options;
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final EncodingDetector encodingDetector;
    private final TikaExtraction tika;
    private final LanguageIdentifier languages;
    private final ExecutorService workers;

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
        MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
        this.detector = new DefaultDetector(mimeTypes);
        this.registry = mimeTypes.getMediaTypeRegistry();
        this.encodingDetector = new DefaultEncodingDetector();
        this.tika = new TikaExtraction(options);
        this.languages = languages;
        this.workers = Executors.newCachedThreadPool(DaemonThreads.numbered("semsearch-extraction"));
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
        return timed(() -> run(content, fileName, declaredType));
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

    /** Extracts a file on disk (folder sync); its size is checked before it is read. */
    public ExtractedDocument extract(Path file) throws IOException {
        return extract(file, file.getFileName().toString(), null);
    }

    /**
     * Extracts a file on disk under another name (an upload kept in a temporary file); its size is checked before it
     * is read.
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
        return detect(content, fileName, declaredType).toString();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------------------

    private ExtractedDocument timed(java.util.concurrent.Callable<ExtractedDocument> task) {
        Future<ExtractedDocument> future = workers.submit(task);
        Duration timeout = options.timeout();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ExtractionTimeoutException("Parsing the file took longer than " + human(timeout)
                    + " (semsearch.extraction.timeout) and was abandoned.", timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("extraction interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException extraction) {
                throw extraction;
            }
            if (cause instanceof StackOverflowError) {
                throw new DocumentLimitExceededException("The file is nested too deeply to be parsed.", cause);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CorruptDocumentException("The file cannot be read: " + TikaExtraction.rootMessage(cause),
                    cause);
        }
    }

    private ExtractedDocument run(byte[] content, String fileName, String declaredType) {
        if (content.length == 0) {
            throw new NoMainTextException("The file is empty.");
        }
        MediaType type = detect(content, fileName, declaredType);
        DocumentFormat format = formatOf(type, fileName, declaredType);
        Draft draft = switch (format) {
            case HTML -> html(content, type);
            case MARKDOWN -> markdown(content, type);
            case TEXT -> plainText(content, type);
            case PDF -> {
                requireComplete(content);
                yield office(content, format, type, fileName);
            }
            case DOCX, ODT -> {
                ZipBombGuard.check(content, options.maxCompressionRatio(), MAX_INFLATED_PER_CHAR * options.maxChars(),
                        format == DocumentFormat.DOCX ? "DOCX document" : "ODT document");
                yield office(content, format, type, fileName);
            }
        };
        return finish(draft, format, type);
    }

    private MediaType detect(byte[] content, String fileName, String declaredType) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (declaredType != null && !declaredType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType);
        }
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = detector.detect(in, metadata);
            return type == null ? MediaType.OCTET_STREAM : type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentFormat formatOf(MediaType detected, String fileName, String declaredType) {
        MediaType type = registry.normalize(detected.getBaseType());
        if (type.equals(HTML) || type.equals(XHTML) || registry.isSpecializationOf(type, HTML)) {
            return DocumentFormat.HTML;
        }
        if (type.equals(PDF_TYPE)) {
            return DocumentFormat.PDF;
        }
        if (DOCX.contains(type)) {
            return DocumentFormat.DOCX;
        }
        if (type.equals(ODT)) {
            return DocumentFormat.ODT;
        }
        if (MARKDOWN.contains(type) || isMarkdownHint(fileName, declaredType) && isText(type)) {
            return DocumentFormat.MARKDOWN;
        }
        if (isText(type)) {
            return DocumentFormat.TEXT;
        }
        if (PROTECTED.contains(type)) {
            throw new EncryptedDocumentException("The office document is protected by a password; upload it"
                    + " without the protection.", null);
        }
        throw new UnsupportedDocumentException("The file's content is " + detected.getBaseType()
                + (fileName == null ? "" : " (file " + fileName + ")")
                + ", which is not supported: upload HTML, PDF, DOCX, ODT, Markdown or plain text.",
                detected.getBaseType().toString());
    }

    private boolean isText(MediaType type) {
        return type.equals(TEXT) || registry.isSpecializationOf(type, TEXT);
    }

    private static boolean isMarkdownHint(String fileName, String declaredType) {
        if (DocumentFormat.byFileName(fileName).orElse(null) == DocumentFormat.MARKDOWN) {
            return true;
        }
        if (declaredType == null) {
            return false;
        }
        MediaType declared = MediaType.parse(declaredType);
        return declared != null && MARKDOWN.contains(declared.getBaseType());
    }

    /** A PDF ends with an {@code %%EOF} marker (within its last kilobyte or so); without it the file was cut. */
    private static void requireComplete(byte[] content) {
        int end = content.length;
        while (end > 0 && (content[end - 1] <= ' ')) {
            end--;
        }
        int from = Math.max(0, end - 2048);
        String tail = new String(content, from, end - from, StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new TruncatedDocumentException("The PDF is truncated: it has no end-of-file marker (%%EOF), the"
                    + " upload or copy was probably cut short. Send the complete file.");
        }
    }

    // ---- formats -----------------------------------------------------------------------------------------------

    /** What a format yields before the common steps (limits, language, metadata). */
    private record Draft(String text, String title, String author, String published, String modified,
            String declaredLanguage, Map<String, Object> extra, String noTextReason) {
    }

    private Draft html(byte[] content, MediaType type) {
        Charset charset = charsetOf(content, type, true);
        String source = decode(content, charset);
        if (source.length() > options.maxChars() * 4L) {
            throw new DocumentLimitExceededException("The page holds more than " + options.maxChars() * 4L
                    + " characters of markup; split it.", null);
        }
        // XHTML is parsed as XML: its self-closing <a id="x"/> would open a link over the rest of the page in HTML
        Document doc = registry.normalize(type.getBaseType()).equals(XHTML)
                ? Jsoup.parse(source, "", Parser.xmlParser())
                : Jsoup.parse(source);
        HtmlMetadata meta = HtmlMetadata.read(doc);
        String text = HtmlMainContent.extract(doc);
        if (text.length() > options.maxChars()) {
            throw textLimit();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        put(extra, "description", meta.description());
        if (!meta.keywords().isEmpty()) {
            extra.put("keywords", meta.keywords());
        }
        put(extra, "siteName", meta.siteName());
        put(extra, "url", meta.url());
        extra.put("charset", charset.name());
        return new Draft(text, meta.title(), meta.author(), meta.published(), meta.modified(), meta.language(),
                extra, "The page has no main text: only navigation, headers, footers, menus or other boilerplate"
                        + " were found.");
    }

    private Draft markdown(byte[] content, MediaType type) {
        Charset charset = charsetOf(content, type, false);
        String source = decode(content, charset);
        if (source.length() > options.maxChars()) {
            throw textLimit();
        }
        MarkdownText.Converted converted = MarkdownText.convert(source);
        Map<String, String> front = converted.frontMatter();
        Map<String, Object> extra = new LinkedHashMap<>();
        put(extra, "description", front.get("description"));
        extra.put("charset", charset.name());
        return new Draft(converted.text(), HtmlMetadata.first(front.get("title"), converted.firstHeading()),
                HtmlMetadata.first(front.get("author"), front.get("authors")),
                HtmlMetadata.first(front.get("date"), front.get("published")), front.get("modified"),
                HtmlMetadata.first(front.get("lang"), front.get("language")), extra,
                "The Markdown file holds no text.");
    }

    private Draft plainText(byte[] content, MediaType type) {
        Charset charset = charsetOf(content, type, false);
        String text = decode(content, charset).replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() > options.maxChars()) {
            throw textLimit();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("charset", charset.name());
        return new Draft(text, null, null, null, null, null, extra, "The text file holds no text.");
    }

    private Draft office(byte[] content, DocumentFormat format, MediaType type, String fileName) {
        TikaExtraction.Parsed parsed = tika.parse(content, format, type.toString(), fileName);
        Metadata md = parsed.metadata();
        Document doc = Jsoup.parse(parsed.xhtml());
        String text = format == DocumentFormat.PDF ? joinHyphenatedLines(BlockText.render(doc.body()))
                : BlockText.render(doc.body());
        Map<String, Object> extra = new LinkedHashMap<>();
        put(extra, "description", HtmlMetadata.first(md.get(TikaCoreProperties.DESCRIPTION),
                md.get(TikaCoreProperties.SUBJECT)));
        List<String> keywords = new ArrayList<>();
        for (String value : values(md, Office.KEYWORDS.getName(), "pdf:docinfo:keywords")) {
            for (String keyword : value.split("[,;]")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.strip());
                }
            }
        }
        if (!keywords.isEmpty()) {
            extra.put("keywords", List.copyOf(new LinkedHashSet<>(keywords)));
        }
        Integer pages = integer(HtmlMetadata.first(md.get(PagedText.N_PAGES), md.get(Office.PAGE_COUNT)));
        if (pages != null) {
            extra.put("pages", pages);
        }
        put(extra, "producer", HtmlMetadata.first(md.get(TikaCoreProperties.CREATOR_TOOL), md.get(PDF.PRODUCER),
                md.get(PDF.DOC_INFO_PRODUCER)));
        String author = String.join(", ", values(md, TikaCoreProperties.CREATOR.getName()));
        String reason = format == DocumentFormat.PDF
                ? "The PDF has no text layer (a scanned document?); text recognition (OCR) is not supported."
                : "The document holds no text.";
        return new Draft(text, clean(md.get(TikaCoreProperties.TITLE)), clean(author),
                md.get(TikaCoreProperties.CREATED), md.get(TikaCoreProperties.MODIFIED),
                md.get(TikaCoreProperties.LANGUAGE), extra, reason);
    }

    // ---- common steps ------------------------------------------------------------------------------------------

    private ExtractedDocument finish(Draft draft, DocumentFormat format, MediaType type) {
        String text = draft.text().strip();
        if (lettersOrDigits(text) < Math.max(1, options.minTextChars())) {
            throw new NoMainTextException(draft.noTextReason());
        }
        String declared = LanguageIdentifier.toIso6391(draft.declaredLanguage());
        Optional<LanguageIdentifier.Detected> detected = languages.detect(text, options.minLanguageChars());
        String language = null;
        LanguageSource source = null;
        Double confidence = null;
        if (declared != null) {
            language = declared;
            source = LanguageSource.METADATA;
            if (detected.isPresent() && !detected.get().language().equals(declared)
                    && detected.get().confidence() >= OVERRIDE_CONFIDENCE
                    && LanguageIdentifier.letters(text) >= OVERRIDE_MIN_LETTERS) {
                language = detected.get().language();
                source = LanguageSource.DETECTED;
                confidence = round(detected.get().confidence());
            }
        } else if (detected.isPresent()) {
            language = detected.get().language();
            source = LanguageSource.DETECTED;
            confidence = round(detected.get().confidence());
        }
        String published = Dates.iso(draft.published());
        String title = clean(draft.title());
        String author = clean(draft.author());

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("mediaType", type.getBaseType().toString());
        metadata.put("format", format.name().toLowerCase(Locale.ROOT));
        put(metadata, "title", title);
        put(metadata, "author", author);
        put(metadata, "published", published);
        put(metadata, "modified", Dates.iso(draft.modified()));
        put(metadata, "language", language);
        if (source != null) {
            metadata.put("languageSource", source.name().toLowerCase(Locale.ROOT));
        }
        if (confidence != null) {
            metadata.put("languageConfidence", confidence);
        }
        if (declared != null && !declared.equals(language)) {
            metadata.put("declaredLanguage", declared);
        }
        metadata.putAll(draft.extra());
        return new ExtractedDocument(type.getBaseType().toString(), format, text, title, author, published, language,
                source, confidence, metadata);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * The charset of a text file: its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Tika's
     * detectors (for HTML the {@code <meta charset>} first; ISO-8859-1 read as windows-1252), else windows-1252.
     */
    private Charset charsetOf(byte[] content, MediaType type, boolean html) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (isUtf8(content)) {
            return StandardCharsets.UTF_8;
        }
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, html ? "text/html" : type.getBaseType().toString());
        try (TikaInputStream in = TikaInputStream.get(content)) {
            Charset detected = encodingDetector.detect(in, metadata);
            if (detected != null) {
                // as browsers do (WHATWG Encoding): ISO-8859-1 labels mean windows-1252, whose 0x80-0x9F are
                // printable (œ, €, ’, …) instead of control characters
                return detected.equals(StandardCharsets.ISO_8859_1) || detected.equals(StandardCharsets.US_ASCII)
                        ? Charset.forName("windows-1252") : detected;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Charset.forName("windows-1252");
    }

    private static String decode(byte[] content, Charset charset) {
        String text = new String(content, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** PDF lines cut by a hyphen at the end ("exem-" / "ple") are joined when the next line starts in lower case. */
    static String joinHyphenatedLines(String text) {
        return text.replaceAll("(\\p{L})-\\n(\\p{Ll})", "$1$2");
    }

    private DocumentLimitExceededException textLimit() {
        return new DocumentLimitExceededException("The file holds more than " + options.maxChars()
                + " characters of text (semsearch.extraction.max-chars); split it.", null);
    }

    private DocumentTooLargeException tooLarge(long size) {
        return new DocumentTooLargeException("The file" + (size >= 0 ? " (" + size + " bytes)" : "")
                + " is larger than the limit of " + options.maxBytes() + " bytes (semsearch.extraction.max-size).",
                options.maxBytes());
    }

    private static List<String> values(Metadata md, String... names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            for (String value : md.getValues(name)) {
                if (value != null && !value.isBlank() && !out.contains(value.strip())) {
                    out.add(value.strip());
                }
            }
        }
        return out;
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = BlockText.collapse(value.replace('\u00A0', ' '));
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static int lettersOrDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

}
