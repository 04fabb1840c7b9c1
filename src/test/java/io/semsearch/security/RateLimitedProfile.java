package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Small rate limits, to reach them in a test: reader and writer keys a request every 2 s after a burst of 3, requests
 * without a key a request every 2 s after a burst of 2, failed authentications the same after a burst of 3. The admin
 * key that tests create keys with is not limited in practice.
 */
public class RateLimitedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("semsearch.security.rate-limit.enabled", "true"),
                Map.entry("semsearch.security.rate-limit.reader-requests-per-second", "0.5"),
                Map.entry("semsearch.security.rate-limit.writer-requests-per-second", "0.5"),
                Map.entry("semsearch.security.rate-limit.admin-requests-per-second", "1000"),
                Map.entry("semsearch.security.rate-limit.key-burst-seconds", "6"),
                Map.entry("semsearch.security.rate-limit.anonymous-requests-per-second", "0.5"),
                Map.entry("semsearch.security.rate-limit.anonymous-burst", "2"),
                Map.entry("semsearch.security.rate-limit.failed-authentications-per-second", "0.5"),
                Map.entry("semsearch.security.rate-limit.failed-authentication-burst", "3"),
                // tests that need a client address of their own send X-Forwarded-For
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
    }
}
