package io.semsearch.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How the sentence-embedding model is chosen and run. */
@ConfigMapping(prefix = "semsearch.embedding")
public interface EmbeddingConfig {

    /** Folder holding one sub-folder per model, each with its {@code model.properties} descriptor. */
    @WithDefault("models")
    Path modelsDir();

    /** Name of the model to use (a sub-folder of {@link #modelsDir()}). */
    @WithDefault("multilingual-e5-small")
    String model();

    /**
     * Model used, with a WARNING, when {@link #model()} is not fully provisioned (its weights could not be fetched).
     * Empty disables the fallback: the service then refuses to start without its model.
     */
    @WithDefault("e5-small-v2")
    Optional<String> fallbackModel();

    /**
     * Number of texts embedded in one forward pass when indexing (texts of similar length go together). One is the
     * fastest on 2 cores, with one predictor per core and one thread each: 1.3 × batches of 16, which pay for their
     * padding and bigger activations (docs/benchmarks/performance.md). It also makes a passage's vector independent of
     * the texts indexed with it: the model quantizes its int8 activations per batch, as it always did for queries.
     */
    @WithDefault("1")
    int batchSize();

    /** Number of DJL predictors, i.e. forward passes that may run at the same time. 0 means one per core. */
    @WithDefault("0")
    int predictors();

    /**
     * ONNX Runtime threads used inside one forward pass; 0 lets ONNX Runtime choose (one per core). One, with one
     * predictor per core, keeps every core busy with a forward pass of its own, without threads spinning for others.
     */
    @WithDefault("1")
    int intraOpThreads();

    /** How long a request waits for a free predictor before failing. */
    @WithDefault("30s")
    Duration acquireTimeout();

    /**
     * Folder holding the ONNX Runtime ({@code libonnxruntime.so}, {@code libonnxruntime4j_jni.so}) and tokenizers
     * ({@code libtokenizers.so}) libraries, loaded from there instead of from the copies the service carries, which
     * are extracted at every start. Unset: the native executable's own folder when it holds them (scripts/build-native.sh
     * puts them there), else the carried copies.
     */
    Optional<Path> nativeLibraryDir();
}
