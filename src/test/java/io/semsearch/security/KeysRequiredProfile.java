package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The production defaults: reads need a key too, and no admin key is configured (the first start creates one). */
public class KeysRequiredProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("semsearch.security.anonymous-read", "false", "semsearch.security.bootstrap-key", "");
    }
}
