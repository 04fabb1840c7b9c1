package io.semsearch.security;

import io.semsearch.common.DatabaseConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * application.properties as the packaged service reads it: no database password outside the dev and test profiles;
 * without one, reading it fails at once and names the variable to set.
 */
class ProductionSecretsTest {

    private static final String PASSWORD = "quarkus.datasource.password";

    @Test
    void prodHasNoDefaultDatabasePasswordAndStopsAtOnceWithout() throws IOException {
        RuntimeException missing = assertThrows(RuntimeException.class, () -> config("prod", Map.of()));
        String messages = missing.toString() + (missing.getCause() == null ? "" : missing.getCause().toString());
        assertTrue(messages.contains("SEMSEARCH_DB_PASSWORD"), messages);
        assertEquals("s3cret", config("prod", Map.of("QUARKUS_DATASOURCE_PASSWORD", "s3cret"))
                .getConfigMapping(DatabaseConfig.class).password());

        assertEquals("s3cret", config("prod", Map.of("SEMSEARCH_DB_PASSWORD", "s3cret")).getValue(PASSWORD,
                String.class));
        assertEquals("semsearch", config("dev", Map.of()).getValue(PASSWORD, String.class));
        assertEquals("semsearch", config("test", Map.of()).getValue(PASSWORD, String.class));
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        URL properties = ProductionSecretsTest.class.getResource("/application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new io.smallrye.config.EnvConfigSource(environment, 300))
                .withMapping(DatabaseConfig.class)
                .build();
    }
}
