package io.semsearch.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cleans the raw text of a scraped French news article: Unicode and whitespace normalisation, boilerplate removal
 * (rules in {@link BoilerplateRules}, loaded from {@value BoilerplateRules#DEFAULT_RESOURCE}), removal of repeated
 * lines, and title extraction.
 *
 * <p>The input is read line by line; every kept non-empty line becomes one paragraph of the cleaned content, where
 * paragraphs are separated by {@code "\n\n"}. The class is stateless after construction and thread-safe. Cleaning is
 * idempotent: cleaning the cleaned content again returns the same content.
 */
public final class TextCleaner {

    /** Maximum length of a title taken from the first line (before the appended "…"). */
    public static final int MAX_TITLE_LENGTH = 150;

    /** Maximum length of the headline dropped after a {@code drop-line-and-next} teaser; longer lines are kept. */
    public static final int MAX_TEASER_HEADLINE_LENGTH = 200;

    public static final String REASON_DUPLICATE = "duplicate-paragraph";
    public static final String REASON_EMPTY_BULLET = "empty-bullet";
    /** Suffix of the reason given to the line dropped after a {@code drop-line-and-next} rule. */
    public static final String NEXT_SUFFIX = "+next";

    private static final String ELLIPSIS = "\u2026";

    private final BoilerplateRules rules;

    /** Uses the default rules from the classpath. */
    public TextCleaner() {
        this(BoilerplateRules.loadDefault());
    }

    public TextCleaner(BoilerplateRules rules) {
        this.rules = rules;
    }

    /**
     * Cleans an article.
     *
     * @param rawText the raw text, may be {@code null}
     * @param title the known title, may be {@code null} or blank: then the first kept line is used
     */
    public CleanedText clean(String rawText, String title) {
        String normalized = normalize(rawText);
        List<String> kept = new ArrayList<>();
        List<DroppedLine> dropped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String pendingNextRule = null;

        String[] lines = normalized.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String text = stripBullet(line);
            if (text.isEmpty()) {
                dropped.add(new DroppedLine(lineNumber, line, REASON_EMPTY_BULLET));
                continue;
            }
            Optional<BoilerplateRule> rule = rules.firstMatch(text);
            if (rule.isPresent()) {
                dropped.add(new DroppedLine(lineNumber, line, rule.get().name()));
                pendingNextRule = rule.get().action() == BoilerplateRule.Action.DROP_LINE_AND_NEXT
                        ? rule.get().name()
                        : null;
                continue;
            }
            if (pendingNextRule != null) {
                String teaser = pendingNextRule;
                pendingNextRule = null;
                if (text.length() <= MAX_TEASER_HEADLINE_LENGTH) {
                    dropped.add(new DroppedLine(lineNumber, line, teaser + NEXT_SUFFIX));
                    continue;
                }
            }
            if (!seen.add(dedupKey(text))) {
                dropped.add(new DroppedLine(lineNumber, line, REASON_DUPLICATE));
                continue;
            }
            kept.add(text);
        }

        String finalTitle = title == null || title.isBlank()
                ? (kept.isEmpty() ? "" : shortenTitle(kept.get(0)))
                : normalizeInline(title);
        return new CleanedText(finalTitle, String.join("\n\n", kept), dropped);
    }

    /**
     * Text-level normalisation: line breaks (CRLF, CR, U+2028/2029/0085, VT, FF) to LF, tabs and all Unicode space
     * separators (NBSP U+00A0, narrow NBSP U+202F, figure space U+2007…) to a plain space, removal of other control
     * characters and of format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks), a lone surrogate
     * (which UTF-8, and so the database, cannot hold) to U+FFFD, NFC, then in each line runs of spaces collapsed and
     * the line trimmed. Line structure is preserved.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int len = raw.length();
        for (int i = 0; i < len; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                sb.append('\n');
                if (i < len && raw.charAt(i) == '\n') {
                    i++;
                }
            } else if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == 0x0B || cp == 0x0C) {
                sb.append('\n');
            } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                sb.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                // drop: C0/C1 controls, zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks
            } else if (Character.getType(cp) == Character.SURROGATE) {
                sb.append('\uFFFD');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String nfc = Normalizer.normalize(sb, Normalizer.Form.NFC);
        String[] lines = nfc.split("\n", -1);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(collapseSpaces(lines[i]));
        }
        return out.toString();
    }

    /** {@link #normalize(String)} for a one-line value (line breaks become spaces). */
    public static String normalizeInline(String value) {
        return collapseSpaces(normalize(value).replace('\n', ' '));
    }

    private static String collapseSpaces(String line) {
        return line.strip().replaceAll(" {2,}", " ");
    }

    /** Removes leading bullet glyphs ("• x" becomes "x"); "- x" list items are left as they are. */
    static String stripBullet(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\u2022' || c == '\u2023' || c == '\u25E6' || c == '\u25AA' || c == '\u25CF' || c == '\u2043'
                    || c == '\u2219') {
                i++;
            } else if (c == ' ' && i > 0) {
                i++;
            } else {
                break;
            }
        }
        return i == 0 ? line : line.substring(i).strip();
    }

    /** Key used to detect repeated lines: case-folded, apostrophes folded. */
    static String dedupKey(String line) {
        return BoilerplateRules.matchForm(line).toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the line unchanged if it is at most {@link #MAX_TITLE_LENGTH} characters, otherwise cut at the last
     * word boundary within that limit (trailing punctuation removed) followed by "…".
     */
    static String shortenTitle(String line) {
        if (line.length() <= MAX_TITLE_LENGTH) {
            return line;
        }
        int cut = -1;
        for (int i = MAX_TITLE_LENGTH; i > 0; i--) {
            if (line.charAt(i) == ' ') {
                cut = i;
                break;
            }
        }
        String head;
        if (cut <= 0) {
            int end = MAX_TITLE_LENGTH;
            if (Character.isLowSurrogate(line.charAt(end)) && Character.isHighSurrogate(line.charAt(end - 1))) {
                end--;
            }
            head = line.substring(0, end);
        } else {
            head = line.substring(0, cut);
        }
        head = head.replaceAll("[\\s,;:\\-–—(«\"]+$", "");
        return head + ELLIPSIS;
    }
}
