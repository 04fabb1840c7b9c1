package io.semsearch.ingest;

import io.semsearch.common.ClasspathResources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered list of boilerplate rules used by {@link TextCleaner}. The default list is the classpath resource
 * {@value #DEFAULT_RESOURCE}; its header documents the format:
 *
 * <pre>
 * # comment
 * name | action | regex
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. The line is split on the first two {@code |}, so the
 * regex itself may contain {@code |}. Actions: {@code drop-line}, {@code drop-line-and-next}. The first matching rule
 * wins. A malformed line makes loading fail with the resource name and line number.
 */
public final class BoilerplateRules {

    public static final String DEFAULT_RESOURCE = "ingest/boilerplate-rules.txt";

    private final List<BoilerplateRule> rules;

    public BoilerplateRules(List<BoilerplateRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (BoilerplateRule rule : this.rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("duplicate boilerplate rule name '" + rule.name() + "'");
            }
        }
    }

    /** The default rules, from {@value #DEFAULT_RESOURCE}. */
    public static BoilerplateRules loadDefault() {
        return fromResource(DEFAULT_RESOURCE);
    }

    /** Loads rules from a classpath resource. */
    public static BoilerplateRules fromResource(String resource) {
        return parse(ClasspathResources.text(resource), resource);
    }

    /** Parses rules in the file format described above. */
    public static BoilerplateRules parse(String text, String sourceName) {
        try {
            return parse(new StringReader(text), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BoilerplateRules parse(Reader reader, String sourceName) throws IOException {
        List<BoilerplateRule> parsed = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int lineNumber = 0;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\|", 3);
            if (parts.length != 3) {
                throw malformed(sourceName, lineNumber, "expected 'name | action | regex'", line);
            }
            try {
                parsed.add(BoilerplateRule.of(parts[0], parts[1], parts[2]));
            } catch (IllegalArgumentException e) {
                throw malformed(sourceName, lineNumber, e.getMessage(), line);
            }
        }
        try {
            return new BoilerplateRules(parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed boilerplate rules " + sourceName + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException malformed(String source, int lineNumber, String why, String line) {
        return new IllegalArgumentException(
                "Malformed boilerplate rule at " + source + ":" + lineNumber + ": " + why + " -> " + line.strip());
    }

    public List<BoilerplateRule> rules() {
        return rules;
    }

    /** The first rule that fires on the (normalised) line, if any. */
    public Optional<BoilerplateRule> firstMatch(String line) {
        String form = matchForm(line);
        for (BoilerplateRule rule : rules) {
            if (rule.matchesMatchForm(form)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * The form rules are matched against: typographic apostrophes (’ ‘ ʼ ′ ` ´) are folded to {@code '}. Case is
     * handled by the regex flags. Rules therefore only need to spell apostrophes as {@code '}.
     */
    public static String matchForm(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u2032' || c == '`' || c == '\u00B4') {
                if (sb == null) {
                    sb = new StringBuilder(line);
                }
                sb.setCharAt(i, '\'');
            }
        }
        return sb == null ? line : sb.toString();
    }
}
