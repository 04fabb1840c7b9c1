package io.semsearch.embedding;

import io.quarkus.runtime.ImageMode;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points ONNX Runtime and the tokenizers at their libraries on disk, when a folder holds them, before either loads.
 * Each otherwise extracts the copy its jar (or the native executable) carries, ONNX Runtime at every start: a read of
 * 20 to 35 MB that, in the native executable, stays resident as pages of the image.
 */
final class NativeLibraries {

    static final List<String> FILES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so", "libtokenizers.so");
    static final String ORT_PATH = "onnxruntime.native.path";
    static final String TOKENIZERS_PATH = "RUST_LIBRARY_PATH";
    private static final Logger LOG = Logger.getLogger(NativeLibraries.class);

    private NativeLibraries() {
    }

    /** Sets {@link #properties} as system properties, unless either library's location is already given. */
    static void useFolder(EmbeddingConfig config) {
        if (System.getProperty(ORT_PATH) != null || System.getProperty(TOKENIZERS_PATH) != null
                || System.getenv(TOKENIZERS_PATH) != null) {
            return;
        }
        Map<String, String> properties = properties(config.nativeLibraryDir(), executableFolder());
        properties.forEach(System::setProperty);
        if (!properties.isEmpty()) {
            LOG.debugf("ONNX Runtime and tokenizers libraries loaded from %s", properties.get(ORT_PATH));
        }
    }

    /**
     * The system properties that make both libraries load from the configured folder, which must hold them all, or
     * else from the executable's folder if it holds them all; none when neither applies.
     */
    static Map<String, String> properties(Optional<Path> configured, Optional<Path> executableFolder) {
        if (configured.isPresent()) {
            List<String> missing = FILES.stream().filter(name -> !Files.isRegularFile(configured.get().resolve(name)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new EmbeddingException("semsearch.embedding.native-library-dir " + configured.get()
                        + " does not hold " + String.join(", ", missing));
            }
            return propertiesFor(configured.get());
        }
        return executableFolder
                .filter(folder -> FILES.stream().allMatch(name -> Files.isRegularFile(folder.resolve(name))))
                .map(NativeLibraries::propertiesFor).orElse(Map.of());
    }

    private static Map<String, String> propertiesFor(Path folder) {
        Path absolute = folder.toAbsolutePath();
        return Map.of(ORT_PATH, absolute.toString(), TOKENIZERS_PATH, absolute.resolve("libtokenizers.so").toString());
    }

    /** The native executable's folder; none on the JVM, whose executable is {@code java}. */
    private static Optional<Path> executableFolder() {
        if (ImageMode.current() != ImageMode.NATIVE_RUN) {
            return Optional.empty();
        }
        return ProcessHandle.current().info().command().map(Path::of).map(Path::getParent);
    }
}
