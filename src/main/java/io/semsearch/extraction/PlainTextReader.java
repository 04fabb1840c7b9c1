package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain text: decoded, line ends made {@code \n}; no metadata but its charset. */
final class PlainTextReader implements FormatReader {

    private final ExtractionOptions options;
    private final TextCharsets charsets;

    PlainTextReader(ExtractionOptions options, TextCharsets charsets) {
        this.options = options;
        this.charsets = charsets;
    }

    @Override
    public Draft read(byte[] content, MediaType type, String fileName) {
        Charset charset = charsets.of(content, type, false);
        String text = TextCharsets.decode(content, charset).replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() > options.maxChars()) {
            throw MetadataValues.textLimit(options);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("charset", charset.name());
        return new Draft(text, null, null, null, null, null, extra, "The text file holds no text.");
    }
}
