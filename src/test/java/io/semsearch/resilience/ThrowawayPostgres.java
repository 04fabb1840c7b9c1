package io.semsearch.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of its own, in a temporary folder, on the first free port of 5441-5444 (the ports this
 * project's tests may use): a test may stop it and start it again without touching the shared cluster on 5432. The binaries are the
 * installed ones (scripts/setup-postgres.sh); pgvector is installed system-wide. As root, the cluster runs as the
 * postgres user.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("postgres.bin", "/usr/lib/postgresql/15/bin"));
    static final String USER = "semsearch";
    static final String PASSWORD = "semsearch";
    static final String DATABASE = "semsearch";

    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    private static final int FIRST_PORT = 5441;
    private static final int LAST_PORT = 5444;

    /** Creates and starts a cluster with the service's role, database and extensions. */
    static ThrowawayPostgres create() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException(BIN + "/initdb is missing: run scripts/setup.sh");
        }
        int port = freePort();
        Path dir = Files.createTempDirectory("semsearch-pg-" + port + "-");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        ThrowawayPostgres cluster = new ThrowawayPostgres(dir, port);
        run(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"), true);
        cluster.start();
        cluster.psql("postgres", "create role " + USER + " login password '" + PASSWORD + "'");
        cluster.psql("postgres", "create database " + DATABASE + " owner " + USER);
        cluster.psql(DATABASE, "create extension vector");
        cluster.psql(DATABASE, "create extension unaccent");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::closeQuietly));
        return cluster;
    }

    private static int freePort() {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        throw new IllegalStateException("Ports " + FIRST_PORT + "-" + LAST_PORT + " are all taken (clusters of an "
                + "earlier run may still be up: ps aux | grep 'postgres -D /tmp/semsearch-pg')");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    void start() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c fsync=off -c max_connections=60", "start"), true);
    }

    /** Stops as a crash would: no checkpoint, connections cut. */
    void crash() throws Exception {
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m",
                "immediate", "stop"), true);
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m",
                    "immediate", "stop"), true);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void closeQuietly() {
        try {
            if (Files.exists(dir)) {
                close();
            }
        } catch (Exception e) {
            // at JVM exit: nothing more to do
        }
    }

    private void psql(String database, String sql) throws Exception {
        run(List.of(BIN.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir.toString(), "-p",
                Integer.toString(port), "-U", "postgres", "-d", database, "-c", sql), true);
    }

    private static void run(List<String> command, boolean asPostgres) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
