package io.semsearch.common;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most a given number of long requests (answer streams, file uploads) running at once per client: per API key
 * (the attribute {@link #CLIENT} that authentication sets), per address for anonymous readers. One more is refused
 * at once with 429 and {@code Retry-After} ({@link TooManyConcurrentRequestsException}), before any work.
 */
public final class ConcurrencyLimit {

    /** The identity attribute that names the client whose requests are counted together: the key's id. */
    public static final String CLIENT = "semsearch.client";

    private final String what;
    private final String setting;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    /**
     * @param what what is counted, as the refusal names it ("answer streams")
     * @param setting the configuration property of the limit, named in the refusal
     */
    public ConcurrencyLimit(String what, String setting) {
        this.what = what;
        this.setting = setting;
    }

    /** The client of a request: its key, else (anonymous) its address. */
    public static String client(SecurityIdentity identity, HttpServerRequest request) {
        Object key = identity == null ? null : identity.getAttribute(CLIENT);
        if (key != null) {
            return "key:" + key;
        }
        return "address:" + (request == null || request.remoteAddress() == null ? "unknown"
                : request.remoteAddress().hostAddress());
    }

    /** A permit for one more request of the client, to close once it is over; refused when it has {@code max}. */
    public Permit enter(String client, int max) {
        AtomicBoolean admitted = new AtomicBoolean();
        running.compute(client, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            admitted.set(true);
            return now + 1;
        });
        if (!admitted.get()) {
            throw new TooManyConcurrentRequestsException("This API key already has " + max + " " + what
                    + " running, the most allowed at once (" + setting + "); wait for one to end.");
        }
        return new Permit(client);
    }

    /** How many requests of the client are running. */
    public int running(String client) {
        return running.getOrDefault(client, 0);
    }

    /** One admitted request; closing it more than once frees one place only. */
    public final class Permit implements AutoCloseable {

        private final String client;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                running.computeIfPresent(client, (name, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
