package io.semsearch.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The Flyway migrations of the schema (src/main/resources/db/migration), for tests that run them by hand. */
public final class Migrations {

    private Migrations() {
    }

    /** The migration files, in the order Flyway runs them. */
    public static List<Path> inOrder() throws IOException, URISyntaxException {
        Path folder = Path.of(Migrations.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(Migrations::version)).toList();
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
