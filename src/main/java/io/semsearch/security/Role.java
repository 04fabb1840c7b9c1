package io.semsearch.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a key may do. Each role includes the ones below it: a writer also reads, an admin also writes. The constants
 * are the role names that {@code @RolesAllowed} checks.
 */
public enum Role {

    /** Search, ask, read documents, the MCP read tools. */
    READER,
    /** Also index and delete documents. */
    WRITER,
    /** Also create, list and revoke keys. */
    ADMIN;

    public static final String READ = "reader";
    public static final String WRITE = "writer";
    public static final String MANAGE_KEYS = "admin";

    /** The name used in the API, the database and {@code @RolesAllowed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role's name and the names of the roles it includes. */
    public Set<String> granted() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::label)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<Role> of(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }
}
