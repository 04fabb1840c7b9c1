package io.semsearch.testing;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service started as its own process on the benchmark database, as it runs in production: what the
 * integration tests (resilience) check and the benchmarks (src/bench/java) measure is what users get. The artifact is
 * the JVM build (target/quarkus-app) unless the system property {@code native.image.path} names a native executable
 * (set by the native profile, {@code -Pnative}, and by scripts/test-native.sh), which is then started instead.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("project.root", "."));
    public static final String DB_URL = System.getProperty("benchmark.db.url",
            "jdbc:postgresql://127.0.0.1:5432/" + env("SEMSEARCH_BENCH_DB_NAME", "semsearch_bench"));
    public static final String DB_USER = env("SEMSEARCH_DB_USER", "semsearch");
    public static final String DB_PASSWORD = env("SEMSEARCH_DB_PASSWORD", "semsearch");
    public static final int PORT = Integer.getInteger("benchmark.port", 8089);
    /** The management interface (health, metrics) of the benchmarks' service. */
    public static final int MANAGEMENT_PORT = Integer.getInteger("benchmark.management-port", PORT + 1000);
    /** The admin key the benchmarks configure (SEMSEARCH_SECURITY_BOOTSTRAP_KEY) and send. */
    public static final String KEY = "benchmark-admin-key-not-for-production";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final double startupSeconds;
    private final long readyAt = System.nanoTime();

    private ServiceProcess(Process process, int port, int managementPort, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.startupSeconds = startupSeconds;
    }

    /** Seconds since the service answered ready. */
    public double secondsSinceReady() {
        return (System.nanoTime() - readyAt) / 1e9;
    }

    /** Empties the benchmark database (documents and, by cascade, chunks). */
    public static void wipeDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if to_regclass('public.document') is not null then "
                    + "truncate table document cascade; end if; end $$");
        }
    }

    /**
     * Drops every object of the benchmark database's schema (Flyway clean, with the tests' clean callback in
     * db/clean), so that the next service to start migrates it with its own migrations: a build of an earlier commit
     * refuses, or misreads, a schema migrated past its own migrations.
     */
    public static void resetSchema() {
        Flyway.configure().dataSource(DB_URL, DB_USER, DB_PASSWORD).locations("classpath:db/clean")
                .cleanDisabled(false).load().clean();
    }

    /**
     * Starts the service with extra configuration (environment variables; a null value removes one set here) and
     * waits until it is ready.
     */
    public static ServiceProcess start(Map<String, String> settings, String logName) throws Exception {
        return start(ROOT, DB_URL, PORT, settings, logName);
    }

    /** The same, on another database. */
    public static ServiceProcess start(Map<String, String> settings, String logName, String dbUrl) throws Exception {
        return start(ROOT, dbUrl, PORT, settings, logName);
    }

    /**
     * Starts the service on a database and port of the caller's, with extra configuration (environment variables),
     * and waits until it is ready; its output goes to target/LOGNAME.log.
     */
    public static ServiceProcess start(String dbUrl, int port, Map<String, String> settings, String logName)
            throws Exception {
        return start(ROOT, dbUrl, port, settings, logName);
    }

    /**
     * Starts the service built in another checkout ({@code home}: its target/quarkus-app, run in that folder so
     * that it reads its own models/ descriptors), e.g. an earlier commit to compare with.
     */
    public static ServiceProcess start(Path home, Map<String, String> settings, String logName) throws Exception {
        return start(home, DB_URL, PORT, settings, logName);
    }

    private static ServiceProcess start(Path home, String dbUrl, int port, Map<String, String> settings,
            String logName) throws Exception {
        return start(command(home), home, dbUrl, port, settings, logName);
    }

    /**
     * Starts one artifact, whatever {@code native.image.path} says: the native executable {@code executable}, or
     * the JVM build of the checkout {@code home} (its target/quarkus-app, run in that folder) when it is null. For
     * benchmarks that compare two builds in one run.
     */
    public static ServiceProcess startArtifact(Path home, Path executable, Map<String, String> settings,
            String logName) throws Exception {
        List<String> command = executable == null ? jvmCommand(home)
                : new ArrayList<>(List.of(executable.toString(), "-Dai.djl.offline=true"));
        return start(command, home, DB_URL, PORT, settings, logName);
    }

    private static ServiceProcess start(List<String> command, Path home, String dbUrl, int port,
            Map<String, String> settings, String logName) throws Exception {
        if (listening(port)) {
            throw new IllegalStateException("Something already answers on port " + port
                    + ": choose another one (-Dbenchmark.port)");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("target").resolve(logName + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        int managementPort = settings.containsKey("QUARKUS_MANAGEMENT_PORT")
                ? Integer.parseInt(settings.get("QUARKUS_MANAGEMENT_PORT")) : port == PORT ? MANAGEMENT_PORT : freePort();
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", dbUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
        env.put("SEMSEARCH_INGEST_SAMPLE_CORPUS", "false");
        env.put("SEMSEARCH_SECURITY_BOOTSTRAP_KEY", KEY);
        // rate limits stay on (their cost is measured) but out of reach of a load generator
        env.put("SEMSEARCH_SECURITY_RATE_LIMIT_ADMIN_REQUESTS_PER_SECOND", "100000");
        settings.forEach((name, value) -> {
            if (value == null) {
                env.remove(name); // a setting above taken back: the service's default applies
            } else {
                env.put(name, value);
            }
        });
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see target/"
                        + logName + ".log");
            }
            if (answers(client, managementPort)) {
                break;
            }
            if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("The service was not ready within 10 minutes");
            }
            Thread.sleep(25);
        }
        return new ServiceProcess(process, port, managementPort, (System.nanoTime() - started) / 1e9);
    }

    /** The process id, e.g. to read its peak memory from /proc. */
    public long pid() {
        return process.pid();
    }

    /** The command line that starts the artifact under test: the native executable if one is named, else the jar. */
    private static List<String> command(Path home) {
        Path executable = nativeExecutable(home);
        if (executable != null) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("Build the native executable first (scripts/build-native.sh): "
                        + executable + " is missing");
            }
            return new ArrayList<>(List.of(executable.toString(), "-Dai.djl.offline=true"));
        }
        return jvmCommand(home);
    }

    private static List<String> jvmCommand(Path home) {
        Path jar = home.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the service first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dai.djl.offline=true"));
        String javaOpts = System.getProperty("benchmark.java.opts", "");
        if (!javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** The native executable named by {@code native.image.path} (relative to {@code home}), or null. */
    public static Path nativeExecutable(Path home) {
        String path = System.getProperty("native.image.path", "");
        return path.isBlank() ? null : home.resolve(path);
    }

    /** Whether the artifact under test is the native executable. */
    public static boolean isNative() {
        return nativeExecutable(ROOT) != null;
    }

    /** Whether something accepts connections on the port. */
    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that nothing listens on now. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether a service whose management interface is on the port says it is ready. */
    private static boolean answers(HttpClient client, int port) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening (yet)
        }
    }

    /** The benchmarks' service ({@code benchmark.port}). */
    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** The management interface of the benchmarks' service ({@code benchmark.management-port}). */
    public static String managementBaseUrl() {
        return "http://127.0.0.1:" + MANAGEMENT_PORT;
    }

    /** This process's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The base URL of this process's management interface: health and metrics. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the service shuts down gracefully (quarkus.shutdown.timeout). */
    public void terminate() {
        process.destroy();
    }

    /** Whether the process ended within the time, after {@link #terminate()}. */
    public boolean exitsWithin(Duration time) throws InterruptedException {
        return process.waitFor(time.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public double startupSeconds() {
        return startupSeconds;
    }

    /** Resident set size of the service process, in MiB. */
    public double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        throw new IOException("No VmRSS for process " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
