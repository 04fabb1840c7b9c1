package io.semsearch.embedding;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the service needs to know about a sentence-embedding model, read from the {@code model.properties} file that
 * git keeps next to the (ignored) weights.
 */
public record ModelDescriptor(
        String name,
        Path directory,
        int dimension,
        int maxTokens,
        String queryPrefix,
        String passagePrefix,
        long padTokenId,
        String onnxFile,
        String tokenizerFile,
        Optional<String> tokenizerConfigFile,
        Optional<Double> answerMinSimilarity) {

    public static final String DESCRIPTOR_FILE = "model.properties";

    public static ModelDescriptor load(Path directory) {
        Path file = directory.resolve(DESCRIPTOR_FILE);
        if (!Files.isRegularFile(file)) {
            throw new EmbeddingException("No model descriptor at " + file.toAbsolutePath());
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new EmbeddingException("Cannot read model descriptor " + file.toAbsolutePath(), e);
        }
        String pooling = p.getProperty("pooling", "mean");
        if (!pooling.equals("mean")) {
            throw new EmbeddingException("Model " + directory + ": only mean pooling is supported, not " + pooling);
        }
        return new ModelDescriptor(
                required(p, "name", file),
                directory,
                Integer.parseInt(required(p, "dimension", file)),
                Integer.parseInt(required(p, "max-tokens", file)),
                p.getProperty("query-prefix", ""),
                p.getProperty("passage-prefix", ""),
                Long.parseLong(p.getProperty("pad-token-id", "0")),
                p.getProperty("onnx-file", "model.onnx"),
                p.getProperty("tokenizer-file", "tokenizer.json"),
                Optional.ofNullable(p.getProperty("tokenizer-config-file")),
                Optional.ofNullable(p.getProperty("answer.min-similarity")).map(String::trim).map(Double::valueOf));
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new EmbeddingException("Model descriptor " + file.toAbsolutePath() + " lacks '" + key + "'");
        }
        return value.trim();
    }

    public Path onnxPath() {
        return directory.resolve(onnxFile);
    }

    public Path tokenizerPath() {
        return directory.resolve(tokenizerFile);
    }

    public Optional<Path> tokenizerConfigPath() {
        return tokenizerConfigFile.map(directory::resolve).filter(Files::isRegularFile);
    }

    /** Files the model cannot run without that are not on disk. */
    public List<Path> missingFiles() {
        List<Path> missing = new ArrayList<>();
        for (Path path : List.of(onnxPath(), tokenizerPath())) {
            if (!Files.isRegularFile(path)) {
                missing.add(path);
            }
        }
        return missing;
    }
}
