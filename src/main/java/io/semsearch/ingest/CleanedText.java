package io.semsearch.ingest;

import java.util.List;

/**
 * Result of {@link TextCleaner#clean(String, String)}.
 *
 * @param title the given title (whitespace-normalised) or else the first paragraph, shortened to
 *     {@link TextCleaner#MAX_TITLE_LENGTH} characters at a word boundary plus "…"; never {@code null}, empty when there
 *     is nothing to take it from
 * @param content the kept lines, one paragraph each, joined with {@code "\n\n"} (the title line is kept in the content); never
 *     {@code null}
 * @param droppedLines what was removed and why, in input order
 */
public record CleanedText(String title, String content, List<DroppedLine> droppedLines) {

    public CleanedText {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
        droppedLines = droppedLines == null ? List.of() : List.copyOf(droppedLines);
    }
}
