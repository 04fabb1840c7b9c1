package io.semsearch.feedback;

import java.util.Locale;

/** What a user thought of an answer. */
public enum Rating {
    UP, DOWN;

    /** The name used in the API and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rating of(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}
