package io.semsearch.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeLibrariesTest {

    @TempDir
    Path folder;

    @Test
    void aFolderHoldingAllTheLibrariesIsWhereBothLoadFrom() throws IOException {
        holdAll(folder);

        Map<String, String> properties = NativeLibraries.properties(Optional.empty(), Optional.of(folder));

        assertEquals(Map.of("onnxruntime.native.path", folder.toAbsolutePath().toString(),
                "RUST_LIBRARY_PATH", folder.toAbsolutePath().resolve("libtokenizers.so").toString()), properties);
    }

    @Test
    void anExecutableFolderWithoutEveryLibraryLeavesTheCarriedCopiesInUse() throws IOException {
        Files.writeString(folder.resolve("libonnxruntime.so"), "elf");
        Files.writeString(folder.resolve("libonnxruntime4j_jni.so"), "elf");

        assertEquals(Map.of(), NativeLibraries.properties(Optional.empty(), Optional.of(folder)));
        assertEquals(Map.of(), NativeLibraries.properties(Optional.empty(), Optional.empty()));
    }

    @Test
    void aConfiguredFolderWins() throws IOException {
        Path configured = Files.createDirectory(folder.resolve("configured"));
        Path beside = Files.createDirectory(folder.resolve("beside"));
        holdAll(configured);
        holdAll(beside);

        assertEquals(configured.toAbsolutePath().toString(),
                NativeLibraries.properties(Optional.of(configured), Optional.of(beside)).get("onnxruntime.native.path"));
    }

    @Test
    void aConfiguredFolderMissingALibraryIsAnErrorNamingIt() throws IOException {
        Files.writeString(folder.resolve("libonnxruntime.so"), "elf");
        Files.writeString(folder.resolve("libonnxruntime4j_jni.so"), "elf");

        EmbeddingException error = assertThrows(EmbeddingException.class,
                () -> NativeLibraries.properties(Optional.of(folder), Optional.empty()));
        assertTrue(error.getMessage().contains("native-library-dir"), error.getMessage());
        assertTrue(error.getMessage().endsWith("does not hold libtokenizers.so"), error.getMessage());
        assertFalse(error.getMessage().contains("libonnxruntime"), error.getMessage());
    }

    private static void holdAll(Path folder) throws IOException {
        for (String name : NativeLibraries.FILES) {
            Files.writeString(folder.resolve(name), "elf");
        }
    }
}
