package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Markdown ({@link MarkdownText}); title, author, dates and language from its front matter. */
final class MarkdownReader implements FormatReader {

    private final ExtractionOptions options;
    private final TextCharsets charsets;

    MarkdownReader(ExtractionOptions options, TextCharsets charsets) {
        this.options = options;
        this.charsets = charsets;
    }

    @Override
    public Draft read(byte[] content, MediaType type, String fileName) {
        Charset charset = charsets.of(content, type, false);
        String source = TextCharsets.decode(content, charset);
        if (source.length() > options.maxChars()) {
            throw MetadataValues.textLimit(options);
        }
        MarkdownText.Converted converted = MarkdownText.convert(source);
        Map<String, String> front = converted.frontMatter();
        Map<String, Object> extra = new LinkedHashMap<>();
        MetadataValues.put(extra, "description", front.get("description"));
        extra.put("charset", charset.name());
        return new Draft(converted.text(), HtmlMetadata.first(front.get("title"), converted.firstHeading()),
                HtmlMetadata.first(front.get("author"), front.get("authors")),
                HtmlMetadata.first(front.get("date"), front.get("published")), front.get("modified"),
                HtmlMetadata.first(front.get("lang"), front.get("language")), extra,
                "The Markdown file holds no text.");
    }
}
