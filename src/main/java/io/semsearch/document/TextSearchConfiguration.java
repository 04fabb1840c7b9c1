package io.semsearch.document;

import java.util.Locale;

/**
 * The PostgreSQL text search configuration that suits a document's language ({@link Document#language}, ISO 639-1):
 * French and English get their stemming, every other language {@code simple} (lower case, no stemming, no stop words),
 * so that a document in any language stays findable by its words.
 */
public final class TextSearchConfiguration {

    /** French stemming on unaccented words (migration V1). */
    public static final String FRENCH = "semsearch_french";
    /** English stemming on unaccented words; not in the schema yet: the migration that creates it comes with its use. */
    public static final String ENGLISH = "semsearch_english";
    /** PostgreSQL's built-in configuration without stemming or stop words. */
    public static final String SIMPLE = "simple";

    private TextSearchConfiguration() {
    }

    /** The configuration for an ISO 639-1 language code (any case); {@link #SIMPLE} for others and for null. */
    public static String forLanguage(String language) {
        if (language == null) {
            return SIMPLE;
        }
        return switch (language.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> FRENCH;
            case "en" -> ENGLISH;
            default -> SIMPLE;
        };
    }
}
