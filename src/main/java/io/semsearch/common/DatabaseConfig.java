package io.semsearch.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * The service's side of its datasources (Quarkus' own settings, {@code quarkus.datasource.*}, open them): where reads
 * go, and the check that a password is given. Quarkus reads its password as optional, so a missing one would only
 * show as a refused connection; read here as required, it stops the start at once, before any connection, naming
 * what to set.
 */
@ConfigMapping(prefix = "semsearch.datasource")
public interface DatabaseConfig {

    /**
     * The primary's password as the service requires it: {@code quarkus.datasource.password}, which is
     * {@code SEMSEARCH_DB_PASSWORD} outside the dev and test profiles (or {@code QUARKUS_DATASOURCE_PASSWORD}).
     */
    @WithDefault("${quarkus.datasource.password}")
    String password();

    /** A streaming replica's JDBC URL for reads; empty: reads go to the primary. */
    Optional<String> readUrl();

    /** The user reads connect as; empty: the primary's. */
    Optional<String> readUsername();

    /** Its password; empty: the primary's. */
    Optional<String> readPassword();
}
