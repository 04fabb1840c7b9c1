package io.semsearch.common;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * Stops the application on SIGTERM before the JVM shuts down, not inside its shutdown. JVM shutdown hooks run all at
 * once: ONNX Runtime registers one that frees its native environment, which then races the requests that Quarkus
 * lets finish ({@code quarkus.shutdown.timeout}) and crashed the process (SIGSEGV) when one was still embedding. Here
 * SIGTERM asks Quarkus to stop first (in-flight requests finish, beans close), and the JVM exits after that. Only in
 * the packaged application: test JVMs keep their own signal handling.
 */
@IfBuildProfile("prod")
@Singleton
public class GracefulTermination {

    private static final Logger LOG = Logger.getLogger(GracefulTermination.class);
    /** The exit status of a process ended by SIGTERM (128 + 15). */
    private static final int TERMINATED = 143;

    void onStart(@Observes StartupEvent event) {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                LOG.info("SIGTERM: stopping after the requests in flight (quarkus.shutdown.timeout)");
                Quarkus.asyncExit(TERMINATED);
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warnf("SIGTERM cannot be handled here (%s): the JVM's default shutdown applies", e.getMessage());
        }
    }
}
