package io.semsearch.extraction;

import java.util.Map;

/**
 * What {@link DocumentExtractor} extracts from a file.
 *
 * @param mediaType media type detected from the content (with the file name and declared type as hints), e.g.
 *     {@code application/pdf}, {@code text/html}, {@code application/xhtml+xml}
 * @param format the extraction path taken
 * @param text the main text: blocks (paragraphs, headings, list items, table rows) one per line, paragraphs and
 *     headings separated by a blank line, consecutive list items and table rows by a single line break. For web
 *     pages only the main content is kept. Not cleaned line by line: that is the indexer's job, after this.
 * @param title the document's title, or {@code null}
 * @param author the author(s), comma-separated, or {@code null}
 * @param published publication (or creation) date as ISO 8601 ({@code 2024-10-18} or
 *     {@code 2024-10-18T09:30:00Z}), or {@code null}
 * @param language ISO 639-1 code ({@code fr}, {@code en}; ISO 639-3 for the few languages without one), or
 *     {@code null} when neither declared nor detectable (too little text)
 * @param languageSource where {@code language} comes from, {@code null} with it
 * @param languageConfidence the detector's probability for the detected language (0..1), {@code null} when the
 *     language comes from the file's metadata
 * @param metadata JSON-friendly values only (strings, numbers, lists of strings): the fields above that are known
 *     plus {@code description}, {@code keywords}, {@code modified}, {@code pages}, {@code producer},
 *     {@code siteName}, {@code url}, {@code charset}, {@code declaredLanguage}, {@code mediaType}
 */
public record ExtractedDocument(
        String mediaType,
        DocumentFormat format,
        String text,
        String title,
        String author,
        String published,
        String language,
        LanguageSource languageSource,
        Double languageConfidence,
        Map<String, Object> metadata) {

    public ExtractedDocument {
        metadata = Map.copyOf(metadata);
    }
}
