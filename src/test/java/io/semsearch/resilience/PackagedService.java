package io.semsearch.resilience;

import io.semsearch.testing.ServiceProcess;

import java.util.HashMap;
import java.util.Map;

/**
 * The packaged service (JVM build or native executable, see {@link ServiceProcess}) on a throwaway PostgreSQL cluster
 * of its own, on a free port, with a bootstrap admin key and the sample articles indexed at start.
 */
final class PackagedService implements AutoCloseable {

    private final ThrowawayPostgres database;
    private final ServiceProcess service;
    private final Client admin;

    private PackagedService(ThrowawayPostgres database, ServiceProcess service, Client admin) {
        this.database = database;
        this.service = service;
        this.admin = admin;
    }

    /** Started with these settings (environment variables) on top of the shared ones; the log is target/{logName}. */
    static PackagedService start(String adminKey, Map<String, String> settings, String logName) throws Exception {
        ThrowawayPostgres database = ThrowawayPostgres.create();
        try {
            Map<String, String> all = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_USERNAME", ThrowawayPostgres.USER,
                    "QUARKUS_DATASOURCE_PASSWORD", ThrowawayPostgres.PASSWORD,
                    "SEMSEARCH_SECURITY_BOOTSTRAP_KEY", adminKey,
                    "SEMSEARCH_INGEST_SAMPLE_CORPUS", "true"));
            all.putAll(settings);
            ServiceProcess service = ServiceProcess.start(database.jdbcUrl(), FreePort.find(), all, logName);
            return new PackagedService(database, service, new Client(service.url(), adminKey));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    ThrowawayPostgres database() {
        return database;
    }

    ServiceProcess service() {
        return service;
    }

    Client admin() {
        return admin;
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            database.close();
        }
    }
}
