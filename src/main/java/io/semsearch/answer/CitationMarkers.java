package io.semsearch.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citation markers of an answer's text: {@code [n]}, or a list such as {@code [2, 3]} (as language models write
 * them), always rendered back as {@code [2] [3]}.
 */
public final class CitationMarkers {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)]");

    private CitationMarkers() {
    }

    /** The numbers the text cites, in order of appearance, repeats included. */
    public static List<Integer> cited(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            for (String n : matcher.group(1).split("\\s*[,;]\\s*")) {
                numbers.add(Integer.parseInt(n));
            }
        }
        return numbers;
    }

    /** The text with every marker's numbers mapped, lists written as consecutive markers. */
    public static String renumber(String text, IntUnaryOperator number) {
        Matcher matcher = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            StringBuilder markers = new StringBuilder();
            for (String n : matcher.group(1).split("\\s*[,;]\\s*")) {
                markers.append(markers.isEmpty() ? "" : " ").append('[')
                        .append(number.applyAsInt(Integer.parseInt(n))).append(']');
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(markers.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The text cut after each marker (a space following a marker begins the next piece): an extractive answer, one
     * sentence and its marker a piece.
     */
    public static List<String> sentences(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        int from = 0;
        while (matcher.find()) {
            pieces.add(text.substring(from, matcher.end()));
            from = matcher.end();
        }
        if (from < text.length()) {
            pieces.add(text.substring(from));
        }
        return pieces;
    }
}
