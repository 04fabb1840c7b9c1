package io.semsearch.common;

/**
 * A half-open character range {@code [start, end)} into some text.
 *
 * @param start index of the first character (inclusive)
 * @param end index after the last character (exclusive)
 */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
        }
    }

    /** Number of characters (UTF-16 code units) covered. */
    public int length() {
        return end - start;
    }

    /** The covered text: {@code text.substring(start, end)}. */
    public String in(String text) {
        return text.substring(start, end);
    }
}
