package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The steps every format shares after its reader: the text must hold {@link ExtractionOptions#minTextChars()}
 * letters or digits, the language is chosen ({@link LanguagePolicy}), dates are made ISO 8601, and the metadata map
 * is assembled.
 */
final class DocumentFinisher {

    private final ExtractionOptions options;
    private final LanguageIdentifier languages;

    DocumentFinisher(ExtractionOptions options, LanguageIdentifier languages) {
        this.options = options;
        this.languages = languages;
    }

    ExtractedDocument finish(Draft draft, DocumentFormat format, MediaType type) {
        String text = draft.text().strip();
        if (lettersOrDigits(text) < Math.max(1, options.minTextChars())) {
            throw new NoMainTextException(draft.noTextReason());
        }
        Optional<LanguageIdentifier.Detected> detected = languages.detect(text, options.minLanguageChars());
        LanguagePolicy.Choice language = LanguagePolicy.choose(draft.declaredLanguage(), detected, text);
        String title = MetadataValues.clean(draft.title());
        String author = MetadataValues.clean(draft.author());
        String published = Dates.iso(draft.published());
        String mediaType = type.getBaseType().toString();

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("mediaType", mediaType);
        metadata.put("format", format.name().toLowerCase(Locale.ROOT));
        MetadataValues.put(metadata, "title", title);
        MetadataValues.put(metadata, "author", author);
        MetadataValues.put(metadata, "published", published);
        MetadataValues.put(metadata, "modified", Dates.iso(draft.modified()));
        putLanguage(metadata, language);
        metadata.putAll(draft.extra());
        return new ExtractedDocument(mediaType, format, text, title, author, published, language.language(),
                language.source(), language.confidence(), metadata);
    }

    private static void putLanguage(Map<String, Object> metadata, LanguagePolicy.Choice language) {
        MetadataValues.put(metadata, "language", language.language());
        if (language.source() != null) {
            metadata.put("languageSource", language.source().name().toLowerCase(Locale.ROOT));
        }
        if (language.confidence() != null) {
            metadata.put("languageConfidence", language.confidence());
        }
        if (language.overridden()) {
            metadata.put("declaredLanguage", language.declared());
        }
    }

    static int lettersOrDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
