package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The production defaults: reads need a key too, and no admin key is configured (the first start creates one). */
public class KeysRequiredProfile implements QuarkusTestProfile {

    /** Where the first start writes the admin key it creates: in the build folder, not the home of whoever runs. */
    static final String FIRST_KEY_FILE = "target/keys-required/first-admin-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("semsearch.security.anonymous-read", "false", "semsearch.security.bootstrap-key", "",
                "semsearch.security.first-key-file", FIRST_KEY_FILE);
    }
}
