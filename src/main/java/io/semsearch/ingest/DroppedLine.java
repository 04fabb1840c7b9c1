package io.semsearch.ingest;

/**
 * A line removed by {@link TextCleaner}, for logs and tests.
 *
 * @param lineNumber 1-based line number in the normalised input (after CRLF/CR were turned into LF)
 * @param text the normalised line as it was dropped
 * @param reason the name of the boilerplate rule that fired, {@code "<rule>+next"} for the headline dropped after a
 *     {@code drop-line-and-next} teaser, {@link TextCleaner#REASON_DUPLICATE} for a repeated paragraph, or
 *     {@link TextCleaner#REASON_EMPTY_BULLET} for a bullet without text
 */
public record DroppedLine(int lineNumber, String text, String reason) {
}
