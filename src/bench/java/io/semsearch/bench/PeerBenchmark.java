package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the LangChain4j peer (../shared/peers/lc4j-rag, not part of this project) as its README says, from a copy in a
 * temporary folder, and reads its ingest speed. Off with -Dbenchmark.peer=false.
 */
final class PeerBenchmark {

    static final Path PEER = ServiceProcess.ROOT.resolve("../shared/peers/lc4j-rag");

    private PeerBenchmark() {
    }

    /** The peer's ingest chunks/s on PIAF, if it ran. */
    static Optional<Double> chunksPerSecond() throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("benchmark.peer", "true")) || !Files.isDirectory(PEER)) {
            return Optional.empty();
        }
        Path copy = Files.createTempDirectory("lc4j-peer");
        try {
            try (Stream<Path> files = Files.walk(PEER)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(PEER.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.toString().contains("/target/")) {
                        Files.copy(source, target);
                    }
                }
            }
            copy.resolve("run.sh").toFile().setExecutable(true);
            copy.resolve("setup_db.sh").toFile().setExecutable(true);
            Path log = ServiceProcess.ROOT.resolve("target/benchmark-peer.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(copy.resolve("run.sh").toString(), "--extras=none",
                    "--ivfflat-lists=0")).directory(copy.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PEER_DATA", Piaf.DEFAULT_PATH.toAbsolutePath().normalize().toString());
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                System.out.println("The peer failed; see " + log);
                return Optional.empty();
            }
            JsonNode result = Api.JSON.readTree(copy.resolve("target/result.json").toFile());
            JsonNode speed = result.findValue("chunks_per_s");
            return speed == null ? Optional.empty() : Optional.of(speed.asDouble());
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }
}
