package io.semsearch.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * At start: checks the configured bootstrap key, or creates the first admin key when none is configured and none is
 * stored. That key is written to {@code semsearch.security.first-key-file}, readable by the service's user only
 * (0600), and never printed or logged: consoles and logs travel further than a file does. Where that file cannot be
 * written, the start fails before any key is created, naming both ways out.
 */
@Singleton
public class KeyBootstrap {

    static final int MIN_CONFIGURED_LENGTH = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final ApiKeyService keys;
    private final SecurityConfig config;

    public KeyBootstrap(ApiKeyService keys, SecurityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        config.bootstrapKey().ifPresent(key -> {
            if (key.strip().length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("semsearch.security.bootstrap-key must have at least "
                        + MIN_CONFIGURED_LENGTH + " characters (use a random value, e.g. openssl rand -hex 24)");
            }
            if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
                System.out.println("Dev mode: writes and key management take the admin key of"
                        + " semsearch.security.bootstrap-key (Authorization: Bearer ...); reads need no key.");
            }
        });
        Path file = config.firstKeyFile().toAbsolutePath();
        if (config.bootstrapKey().isEmpty()) {
            prepare(file);
        }
        keys.createFirstKeyIfNone().ifPresent(created -> {
            write(file, created.secret());
            System.out.println(announcement(file));
        });
    }

    /** The console's news of a created key: where it is, never the key itself. */
    static String announcement(Path file) {
        return """

                ================================================================================
                No API key existed: an admin key was created and written to
                    %s
                (readable by this user only). Read it from there, keep it elsewhere, then delete
                the file. Create other keys with it: POST /api/keys (see docs/api.md). Or set your
                own admin key with SEMSEARCH_SECURITY_BOOTSTRAP_KEY.
                ================================================================================
                """.formatted(file);
    }

    /** Makes the key file's folder (owner only) and checks it can be written, before a key exists to lose. */
    static void prepare(Path file) {
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            if (!Files.isWritable(folder)) {
                throw new IOException(folder + " is not writable");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Writes the secret to a file only its owner can read, replacing the file at once. */
    static void write(Path file, String secret) {
        try {
            Path folder = file.getParent();
            Path temporary = Files.createTempFile(folder, ".first-admin-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temporary, secret + System.lineSeparator());
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            throw cannotWrite(file, e);
        }
    }

    private static IllegalStateException cannotWrite(Path file, Exception e) {
        return new IllegalStateException("No API key exists and the first admin key cannot be written to " + file
                + " (" + e.getMessage() + "): set semsearch.security.first-key-file"
                + " (SEMSEARCH_SECURITY_FIRST_KEY_FILE) to a writable path, or give an admin key of your own in"
                + " SEMSEARCH_SECURITY_BOOTSTRAP_KEY", e);
    }
}
