package io.semsearch.ingest;

import io.semsearch.common.ClasspathResources;
import io.semsearch.common.TextSpan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * French sentence segmentation with the OpenNLP UD-GSD French sentence model shipped in
 * {@code org.apache.opennlp:opennlp-models-sentdetect-fr} (a {@code .bin} at the root of the jar, named in its
 * {@code model.properties}).
 *
 * <p>The text is first split into lines; sentences are detected inside each line, so a sentence never crosses a line
 * break. The returned spans are trimmed, ordered, non-overlapping and together cover
 * every non-whitespace character of the text exactly once.
 *
 * <p>Thread-safe: the {@link SentenceModel} is shared, each thread gets its own {@link SentenceDetectorME} (which is not
 * thread-safe).
 */
public final class SentenceSegmenter {

    /** File name of the model in opennlp-models-sentdetect-fr 1.3.0, used if no model.properties describes one. */
    public static final String DEFAULT_MODEL_RESOURCE = "opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin";

    /**
     * Abbreviations (lower-cased, without the period) after which the model's break is undone: titles before a name
     * and a few others that do not end sentences. "etc." is deliberately absent (it often ends a sentence).
     */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "cf", "coll", "dir", "vs",
            "av", "apr");

    /** Abbreviations after which the break is undone only when a number follows ("p. 12", "art. 3", "oct. 2024"). */
    private static final Set<String> NUMBERED_ABBREVIATIONS = Set.of(
            "p", "pp", "art", "n", "no", "vol", "chap", "fig", "éd", "env", "tél", "janv", "févr", "avr", "juil",
            "sept", "oct", "nov", "déc");

    private final ThreadLocal<SentenceDetectorME> detector;

    /** Loads the French model from the classpath. */
    public SentenceSegmenter() {
        this(loadFrenchModel());
    }

    public SentenceSegmenter(SentenceModel model) {
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    /**
     * Sentence spans {@code [start, end)} into {@code text}, trimmed of whitespace, in order, non-overlapping, never
     * crossing a line break, covering every non-whitespace character exactly once. Empty for {@code null} or blank
     * text.
     */
    public List<TextSpan> sentences(String text) {
        List<TextSpan> result = new ArrayList<>();
        for (TextSpan line : lines(text)) {
            sentencesInLine(text, line, result);
        }
        return result;
    }

    /** Line spans of the text, trimmed, blank lines skipped. */
    public static List<TextSpan> lines(String text) {
        List<TextSpan> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        int len = text.length();
        int lineStart = 0;
        while (lineStart <= len) {
            int lineEnd = lineStart;
            while (lineEnd < len && !isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            TextSpan line = trim(text, lineStart, lineEnd);
            if (line != null) {
                result.add(line);
            }
            lineStart = lineEnd + 1;
        }
        return result;
    }

    private void sentencesInLine(String text, TextSpan line, List<TextSpan> out) {
        String para = text.substring(line.start(), line.end());
        List<TextSpan> merged = repairBreaks(para, modelPieces(para));
        int offset = line.start();
        for (TextSpan s : merged) {
            out.add(new TextSpan(s.start() + offset, s.end() + offset));
        }
    }

    /**
     * The line cut at the model's break positions (sentence ends) only: cutting there guarantees full coverage and
     * no overlap whatever the model returns.
     */
    private List<TextSpan> modelPieces(String para) {
        Span[] spans = detector.get().sentPosDetect(para);
        List<TextSpan> pieces = new ArrayList<>();
        int from = 0;
        for (Span span : spans) {
            int cut = Math.min(span.getEnd(), para.length());
            if (cut <= from) {
                continue;
            }
            TextSpan piece = trim(para, from, cut);
            if (piece != null) {
                pieces.add(piece);
            }
            from = cut;
        }
        TextSpan rest = trim(para, from, para.length());
        if (rest != null) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** The pieces with the breaks the model gets wrong in French text repaired. */
    private List<TextSpan> repairBreaks(String para, List<TextSpan> pieces) {
        List<TextSpan> merged = new ArrayList<>();
        for (TextSpan piece : pieces) {
            if (merged.isEmpty()) {
                merged.add(piece);
                continue;
            }
            TextSpan previous = merged.get(merged.size() - 1);
            int closersEnd = leadingClosersEnd(para, piece);
            if (closersEnd > piece.start()) {
                // The model tends to break before the closing guillemet: « Nous allons gagner. | » Puis…
                int next = closersEnd;
                while (next < piece.end() && isSpace(para.charAt(next))) {
                    next++;
                }
                if (next < piece.end() && canStartSentence(para, next)) {
                    merged.set(merged.size() - 1, new TextSpan(previous.start(), closersEnd));
                    merged.add(new TextSpan(next, piece.end()));
                } else {
                    merged.set(merged.size() - 1, new TextSpan(previous.start(), piece.end()));
                }
            } else if (shouldMerge(para, previous, piece)) {
                merged.set(merged.size() - 1, new TextSpan(previous.start(), piece.end()));
            } else {
                merged.add(piece);
            }
        }
        return merged;
    }

    /** End of the run of closing quotes/brackets (with inner spaces) at the start of the piece. */
    private static int leadingClosersEnd(String para, TextSpan piece) {
        int end = piece.start();
        int i = piece.start();
        while (i < piece.end()) {
            char c = para.charAt(i);
            if (c == '\u00BB' || c == '\u201D' || c == ')' || c == ']' || c == '"') {
                end = ++i;
            } else if (isSpace(c)) {
                i++;
            } else {
                break;
            }
        }
        return end;
    }

    /** Whether the character at {@code i} can begin a sentence (upper-case letter, digit, opening quote, dash). */
    private static boolean canStartSentence(String para, int i) {
        int cp = para.codePointAt(i);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp) || cp == '\u00AB'
                || cp == '\u201C' || cp == '"' || cp == '(' || cp == '[' || cp == '-' || cp == '\u2013'
                || cp == '\u2014' || startsWithMixedCaseWord(para, i);
    }

    /** "iPhone", "eBay": a word starting in lower case but containing an upper-case letter. */
    private static boolean startsWithMixedCaseWord(String para, int i) {
        if (!Character.isLowerCase(para.codePointAt(i))) {
            return false;
        }
        for (int j = i + 1; j < para.length() && Character.isLetterOrDigit(para.charAt(j)); j++) {
            if (Character.isUpperCase(para.charAt(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A break is undone when the next fragment cannot start a sentence (starts with a lower-case word or with
     * continuing punctuation such as , ; : …) or when the previous fragment ends with a known abbreviation ("M.",
     * "Mme.", "cf.", "p." before a number) or a lone initial ("J.").
     */
    private static boolean shouldMerge(String para, TextSpan previous, TextSpan next) {
        if (!canStartSentence(para, next.start())) {
            int first = para.codePointAt(next.start());
            if (Character.isLowerCase(first) || first == ',' || first == ';' || first == ':' || first == '\u2026'
                    || first == '.' || first == '?' || first == '!') {
                return true;
            }
        }
        String prev = para.substring(previous.start(), previous.end());
        if (!prev.endsWith(".")) {
            return false;
        }
        int wordStart = prev.length() - 1;
        while (wordStart > 0 && Character.isLetter(prev.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = prev.substring(wordStart, prev.length() - 1);
        if (word.isEmpty()) {
            return false;
        }
        char before = wordStart == 0 ? ' ' : prev.charAt(wordStart - 1);
        if (Character.isLetterOrDigit(before) || before == '\'' || before == '\u2019') {
            return false; // "l'art." or the end of a longer token
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            // initial ("J. K. Rowling") unless it follows a lower-case word ("le plan B.", "la vitamine C.")
            String head = prev.substring(0, wordStart).stripTrailing();
            int k = head.length();
            while (k > 0 && !isSpace(head.charAt(k - 1))) {
                k--;
            }
            String previousWord = head.substring(k);
            return previousWord.isEmpty() || !Character.isLowerCase(previousWord.codePointAt(0));
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        return NUMBERED_ABBREVIATIONS.contains(lower) && Character.isDigit(para.codePointAt(next.start()));
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static TextSpan trim(String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new TextSpan(start, end) : null;
    }

    /** Whitespace as seen by the segmenter (Java whitespace plus no-break spaces). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Loads the French sentence model from the classpath (the .bin named in the jar's model.properties). */
    public static SentenceModel loadFrenchModel() {
        String resource = findFrenchModelResource(SentenceSegmenter.class.getClassLoader());
        if (!ClasspathResources.exists(resource)) {
            throw new IllegalStateException("French sentence model not found on the classpath: " + resource
                    + " (dependency org.apache.opennlp:opennlp-models-sentdetect-fr missing?)");
        }
        try (InputStream in = ClasspathResources.open(resource)) {
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load French sentence model " + resource, e);
        }
    }

    private static String findFrenchModelResource(ClassLoader loader) {
        try {
            Enumeration<URL> descriptors = loader.getResources("model.properties");
            while (descriptors.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = descriptors.nextElement().openStream()) {
                    p.load(in);
                }
                String name = p.getProperty("model.name", "");
                if ("fr".equals(p.getProperty("model.language")) && name.contains("sentence") && name.endsWith(".bin")
                        && loader.getResource(name) != null) {
                    return name;
                }
            }
        } catch (IOException e) {
            // fall back to the known name
        }
        return DEFAULT_MODEL_RESOURCE;
    }
}
