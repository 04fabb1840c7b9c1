package io.semsearch.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One boilerplate rule: a name, an action and a case-insensitive Unicode regular expression.
 *
 * <p>The pattern is searched ({@link java.util.regex.Matcher#find()}) in the line's <em>match form</em> (see
 * {@link BoilerplateRules#matchForm(String)}), so it must be anchored with {@code ^}/{@code $} explicitly when it has
 * to match a whole line.
 */
public record BoilerplateRule(String name, Action action, Pattern pattern) {

    /** Flags every rule is compiled with. */
    public static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    public enum Action {
        /** Drop the matching line. */
        DROP_LINE("drop-line"),
        /**
         * Drop the matching line and the next non-empty line (the linked headline of a "Pour aller plus loin" /
         * "À lire également" teaser) if that line is at most {@link TextCleaner#MAX_TEASER_HEADLINE_LENGTH} characters.
         */
        DROP_LINE_AND_NEXT("drop-line-and-next");

        private final String id;

        Action(String id) {
            this.id = id;
        }

        /** The identifier used in the rule file. */
        public String id() {
            return id;
        }

        public static Action fromId(String id) {
            String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
            for (Action a : values()) {
                if (a.id.equals(wanted)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown action '" + id + "' (expected drop-line or drop-line-and-next)");
        }
    }

    public BoilerplateRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(pattern, "pattern");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rule name is blank");
        }
    }

    /**
     * Builds a rule, compiling {@code regex} with {@link #FLAGS}.
     *
     * @throws IllegalArgumentException if the name is blank, the action unknown or the regex invalid or empty
     */
    public static BoilerplateRule of(String name, String action, String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("rule '" + name + "': empty regex");
        }
        Action parsedAction;
        try {
            parsedAction = Action.fromId(action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule '" + name + "': " + e.getMessage(), e);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex.strip(), FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule '" + name + "': invalid regex: " + e.getMessage(), e);
        }
        if (pattern.matcher("").find()) {
            throw new IllegalArgumentException("rule '" + name + "': regex matches the empty string: " + regex);
        }
        return new BoilerplateRule(name.strip(), parsedAction, pattern);
    }

    /** Whether the rule fires on a line already in match form. */
    public boolean matchesMatchForm(String matchFormLine) {
        return pattern.matcher(matchFormLine).find();
    }
}
