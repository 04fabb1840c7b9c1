package io.semsearch.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * At start: checks the configured bootstrap key, or creates the first admin key when none is configured and none is
 * stored, and prints it once on the console (it is not logged: log files travel further than a console does).
 */
@Singleton
public class KeyBootstrap {

    static final int MIN_CONFIGURED_LENGTH = 24;

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
                System.out.println("Dev mode: writes and key management take the admin key " + key
                        + " (Authorization: Bearer ...); reads need no key.");
            }
        });
        keys.createFirstKeyIfNone().ifPresent(created -> System.out.println("""

                ================================================================================
                No API key existed: an admin key was created. It is shown this once, keep it:

                    %s

                Create other keys with it: POST /api/keys (see the README). Or configure your own
                admin key with SEMSEARCH_SECURITY_BOOTSTRAP_KEY.
                ================================================================================
                """.formatted(created.secret())));
    }
}
