package io.semsearch.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFormatTest {

    @Test
    void newKeysAreWellFormedAndDistinct() {
        Set<String> lookups = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = KeyFormat.newKey();
            assertEquals(KeyFormat.LENGTH, key.length());
            assertTrue(key.matches("ssk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), key);
            assertEquals(Optional.of(key.substring(4, 16)), KeyFormat.lookupId(key));
            assertTrue(lookups.add(key.substring(4, 16)));
        }
    }

    @Test
    void anythingElseHasNoLookupId() {
        String key = KeyFormat.newKey();
        for (String bad : new String[] {"", "ssk_", key + "x", key.substring(1), key.replace("ssk_", "ssx_"),
                "ssk_0123456789AB_" + "x".repeat(43), "ssk_0123456789ab-" + "x".repeat(43),
                "ssk_01234567 9ab_" + "x".repeat(43)}) {
            assertEquals(Optional.empty(), KeyFormat.lookupId(bad), bad);
        }
    }

    @Test
    void hashesAreSaltedSha256() {
        byte[] salt = KeyFormat.newSalt();
        byte[] other = KeyFormat.newSalt();
        assertEquals(32, KeyFormat.hash(salt, "k").length);
        assertArrayEquals(KeyFormat.hash(salt, "k"), KeyFormat.hash(salt, "k"));
        assertFalse(KeyFormat.sameHash(KeyFormat.hash(salt, "k"), KeyFormat.hash(other, "k")));
        assertFalse(KeyFormat.sameHash(KeyFormat.hash(salt, "k"), KeyFormat.hash(salt, "l")));
        assertTrue(KeyFormat.sameHash(KeyFormat.hash(salt, "k"), KeyFormat.hash(salt.clone(), "k")));
    }

    @Test
    void aConfiguredBootstrapKeyMustBeLongEnough() {
        KeyBootstrap bootstrap = new KeyBootstrap(null, new SecurityConfigStub("too-short"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bootstrap.onStart(null));
        assertTrue(e.getMessage().contains("semsearch.security.bootstrap-key"));
        assertFalse(e.getMessage().contains("too-short"), "the configured key is not repeated in the error");
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertEquals(Set.of("reader"), Role.READER.granted());
        assertEquals(Set.of("reader", "writer"), Role.WRITER.granted());
        assertEquals(Set.of("reader", "writer", "admin"), Role.ADMIN.granted());
        assertEquals(Optional.of(Role.WRITER), Role.of(Role.WRITE));
        assertEquals(Optional.empty(), Role.of("root"));
    }

    private record SecurityConfigStub(String key) implements SecurityConfig {
        @Override
        public Optional<String> bootstrapKey() {
            return Optional.of(key);
        }

        @Override
        public boolean anonymousRead() {
            return false;
        }

        @Override
        public java.time.Duration keyCacheTime() {
            return java.time.Duration.ZERO;
        }

        @Override
        public Optional<java.util.List<String>> mcpAllowedOrigins() {
            return Optional.empty();
        }

        @Override
        public java.nio.file.Path firstKeyFile() {
            return java.nio.file.Path.of("first-admin-key");
        }

        @Override
        public RateLimit rateLimit() {
            return null;
        }
    }
}
