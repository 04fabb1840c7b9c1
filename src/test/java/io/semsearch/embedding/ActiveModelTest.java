package io.semsearch.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which model runs: the configured one when its files are there, else the fallback, else a start that fails. */
class ActiveModelTest {

    @TempDir
    Path models;

    @Test
    void theConfiguredModelRunsWhenItsFilesAreThere() throws IOException {
        model("wanted", 384, true);
        model("fallback", 384, true);
        ActiveModel active = ActiveModel.select(config("wanted", Optional.of("fallback")));
        assertEquals("wanted", active.name());
        assertFalse(active.isFallback());
    }

    @Test
    void theFallbackRunsAndSaysWhyWhenTheWeightsAreMissing() throws IOException {
        model("wanted", 384, false);
        model("fallback", 768, true);
        ActiveModel active = ActiveModel.select(config("wanted", Optional.of("fallback")));
        assertEquals("fallback", active.name());
        assertEquals(768, active.dimension());
        assertTrue(active.isFallback());
        assertTrue(active.fallbackReason().orElseThrow().contains("model.onnx"), active.fallbackReason().get());
    }

    @Test
    void noFallbackConfiguredOrNoneProvisionedRefusesToStart() throws IOException {
        model("wanted", 384, false);
        model("fallback", 384, false);
        EmbeddingException none = assertThrows(EmbeddingException.class,
                () -> ActiveModel.select(config("wanted", Optional.empty())));
        assertTrue(none.getMessage().contains("no fallback model"), none.getMessage());
        EmbeddingException missing = assertThrows(EmbeddingException.class,
                () -> ActiveModel.select(config("wanted", Optional.of("fallback"))));
        assertTrue(missing.getMessage().contains("not provisioned either"), missing.getMessage());
    }

    @Test
    void aModelWithoutDescriptorIsAnError() {
        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> ActiveModel.select(config("nowhere", Optional.empty())));
        assertTrue(e.getMessage().contains("No model descriptor"), e.getMessage());
    }

    private void model(String name, int dimension, boolean withWeights) throws IOException {
        Path dir = Files.createDirectories(models.resolve(name));
        Files.writeString(dir.resolve(ModelDescriptor.DESCRIPTOR_FILE),
                "name=" + name + "\ndimension=" + dimension + "\nmax-tokens=512\n");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        if (withWeights) {
            Files.writeString(dir.resolve("model.onnx"), "not read by the selection");
        }
    }

    private EmbeddingConfig config(String model, Optional<String> fallback) {
        return new EmbeddingConfig() {
            public Path modelsDir() {
                return models;
            }

            public String model() {
                return model;
            }

            public Optional<String> fallbackModel() {
                return fallback;
            }

            public int batchSize() {
                return 16;
            }

            public int predictors() {
                return 0;
            }

            public int intraOpThreads() {
                return 0;
            }

            public Duration acquireTimeout() {
                return Duration.ofSeconds(1);
            }

            public Optional<Path> nativeLibraryDir() {
                return Optional.empty();
            }
        };
    }
}
