package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Small rate limits, to reach them in a test: a request every 50 s once the burst is spent. */
public class RateLimitedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("semsearch.security.rate-limit.enabled", "true",
                "semsearch.security.rate-limit.key-requests-per-second", "0.5",
                "semsearch.security.rate-limit.key-burst", "3",
                "semsearch.security.rate-limit.anonymous-requests-per-second", "0.5",
                "semsearch.security.rate-limit.anonymous-burst", "2");
    }
}
