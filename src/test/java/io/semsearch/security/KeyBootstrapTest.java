package io.semsearch.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first admin key goes to a file only the service's user can read, never to the console. */
class KeyBootstrapTest {

    @Test
    void theKeyIsWrittenForItsOwnerOnly(@TempDir Path home) throws Exception {
        Path file = home.resolve(".semsearch/first-admin-key");
        KeyBootstrap.prepare(file);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        KeyBootstrap.write(file, "ssk_0123456789ab_secret");
        assertEquals("ssk_0123456789ab_secret", Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyBootstrap.write(file, "ssk_ba9876543210_other");
        assertEquals("ssk_ba9876543210_other", Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left");
        }

        String console = KeyBootstrap.announcement(file);
        assertTrue(console.contains(file.toString()), console);
        assertFalse(console.contains("ssk_"), console);
    }

    @Test
    void anUnwritablePlaceStopsTheStartBeforeAKeyExists() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyBootstrap.prepare(Path.of("/proc/self/semsearch/first-admin-key")));
        assertTrue(e.getMessage().contains("SEMSEARCH_SECURITY_FIRST_KEY_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("SEMSEARCH_SECURITY_BOOTSTRAP_KEY"), e.getMessage());
    }
}
