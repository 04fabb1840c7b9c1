package io.semsearch.bench;

import io.semsearch.testing.ServiceProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * One build of the service that a benchmark starts: the JVM build of a checkout ({@code home}, its
 * target/quarkus-app) or a native executable. Benchmarks that compare two builds in one run start each through this.
 */
record ServiceBuild(String label, Path home, Path executable) {

    /** This checkout's build: the native executable named by {@code native.image.path} if any, else the JVM build. */
    static ServiceBuild current(String label) {
        return new ServiceBuild(label, ServiceProcess.ROOT, ServiceProcess.nativeExecutable(ServiceProcess.ROOT));
    }

    /** The JVM build of a checkout, e.g. this one or an earlier commit's (scripts/benchmark.sh --before REV). */
    static ServiceBuild jvm(String label, Path home) {
        return new ServiceBuild(label, home, null);
    }

    /** The build named by {@code benchmark.before} (a checkout built by scripts/benchmark.sh --before REV), if set. */
    static ServiceBuild before() {
        String folder = System.getProperty("benchmark.before", "");
        if (folder.isBlank()) {
            return null;
        }
        Path home = Path.of(folder);
        String name = home.getFileName().toString();
        return jvm(name.startsWith("before-") ? "before (" + name.substring("before-".length()) + ")" : name, home);
    }

    /**
     * Gives the benchmark database a fresh schema of this build's own migrations, by one start that is not measured,
     * so that the measured starts find the schema migrated (as the other benchmarks' starts do) and the previous
     * build's migrations do not apply.
     */
    void migrateFreshSchema() throws Exception {
        ServiceProcess.resetSchema();
        ServiceProcess.startArtifact(home, executable, Map.of(), "benchmark-migrate").close();
    }

    /** Empties the benchmark database (its documents) and starts this build on it with extra configuration. */
    ServiceProcess startOnEmptyDatabase(Map<String, String> settings, String logName) throws Exception {
        ServiceProcess.wipeDatabase();
        return ServiceProcess.startArtifact(home, executable, settings, logName);
    }
}
