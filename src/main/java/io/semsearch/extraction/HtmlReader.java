package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTML and XHTML: the page's main content ({@link HtmlMainContent}) and its metadata ({@link HtmlMetadata}). */
final class HtmlReader implements FormatReader {

    private final ExtractionOptions options;
    private final TextCharsets charsets;
    private final TypeDetection types;

    HtmlReader(ExtractionOptions options, TextCharsets charsets, TypeDetection types) {
        this.options = options;
        this.charsets = charsets;
        this.types = types;
    }

    @Override
    public Draft read(byte[] content, MediaType type, String fileName) {
        Charset charset = charsets.of(content, type, true);
        String source = TextCharsets.decode(content, charset);
        if (source.length() > options.maxChars() * 4L) {
            throw new DocumentLimitExceededException("The page holds more than " + options.maxChars() * 4L
                    + " characters of markup; split it.", null);
        }
        // XHTML is parsed as XML: its self-closing <a id="x"/> would open a link over the rest of the page in HTML
        Document doc = types.isXhtml(type) ? Jsoup.parse(source, "", Parser.xmlParser()) : Jsoup.parse(source);
        HtmlMetadata meta = HtmlMetadata.read(doc);
        HtmlMainContent.MainText main = HtmlMainContent.extract(doc);
        String text = main.text();
        if (text.length() > options.maxChars()) {
            throw MetadataValues.textLimit(options);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        MetadataValues.put(extra, "description", meta.description());
        if (!meta.keywords().isEmpty()) {
            extra.put("keywords", meta.keywords());
        }
        MetadataValues.put(extra, "siteName", meta.siteName());
        MetadataValues.put(extra, "url", meta.url());
        extra.put("charset", charset.name());
        extra.put(ExtractionReport.COVERAGE, Math.round(main.coverage() * 1000) / 1000.0);
        extra.put(ExtractionReport.BODY_WORDS, main.bodyWords());
        extra.put(ExtractionReport.KEPT_WORDS, Math.min(main.keptWords(), main.bodyWords()));
        if (main.widened()) {
            extra.put(ExtractionReport.WIDENED, true);
            extra.put(ExtractionReport.CONTAINER_WORDS, main.containerWords());
        }
        return new Draft(text, meta.title(), meta.author(), meta.published(), meta.modified(), meta.language(),
                extra, "The page has no main text: only navigation, headers, footers, menus or other boilerplate"
                        + " were found.");
    }
}
