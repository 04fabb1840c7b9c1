package io.semsearch.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, lists and revokes API keys, and tells whose a presented key is. Keys are kept as salted hashes
 * ({@link KeyFormat}); a replica remembers a looked-up key for {@code semsearch.security.key-cache-time}.
 */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    /** "Last used" is a day-to-day hint, not an audit log: written at most this often per key and replica. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final int MAX_UNKNOWN_LOOKUP_IDS = 10_000;
    private static final byte[] CONFIGURED_KEY_SALT = KeyFormat.newSalt();

    private final ApiKeyRepository keys;
    private final SecurityConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /**
     * Lookup ids that matched no stored key, for the key cache time: a client that keeps sending an unknown key
     * costs no database read. Bounded: a flood of random ids evicts older ones, at the price of reads again.
     */
    private final Cache<String, Boolean> unknown;
    private final Optional<byte[]> configuredKeyHash;

    public ApiKeyService(ApiKeyRepository keys, SecurityConfig config) {
        this.keys = keys;
        this.config = config;
        this.unknown = Caffeine.newBuilder().maximumSize(MAX_UNKNOWN_LOOKUP_IDS)
                .expireAfterWrite(config.keyCacheTime()).build();
        this.configuredKeyHash = config.bootstrapKey().filter(k -> !k.isBlank())
                .map(k -> KeyFormat.hash(CONFIGURED_KEY_SALT, k));
    }

    /** A new key; its secret is in the result and nowhere else. */
    public CreatedKey create(String name, Role role, Integer rateLimit) {
        return QuarkusTransaction.requiringNew().call(() -> store(name, role, rateLimit));
    }

    public List<StoredKey> list() {
        return QuarkusTransaction.requiringNew().call(() -> keys.listOldestFirst().stream().map(StoredKey::of)
                .toList());
    }

    /** A stored key (never its secret). */
    public StoredKey get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(id).map(StoredKey::of))
                .orElseThrow(() -> new KeyNotFoundException(id.toString()));
    }

    /** Revokes a key: at once on this replica, within the key cache time on the others. */
    public void revoke(UUID id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> keys.deleteById(id));
        cache.values().removeIf(cached -> cached.holder.id().filter(id::equals).isPresent());
        if (!deleted) {
            throw new KeyNotFoundException(id.toString());
        }
    }

    /**
     * Whether this key is the configured one or one looked up within the key cache time, so that checking it needs no
     * database read.
     */
    public boolean knownWithoutLookUp(String presented) {
        if (configuredKeyHash.isPresent()
                && KeyFormat.sameHash(configuredKeyHash.get(), KeyFormat.hash(CONFIGURED_KEY_SALT, presented))) {
            return true;
        }
        Optional<String> lookupId = KeyFormat.lookupId(presented);
        Cached cached = lookupId.map(cache::get).orElse(null);
        return cached != null && System.nanoTime() - cached.loadedAt <= config.keyCacheTime().toNanos()
                && KeyFormat.sameHash(cached.hash, KeyFormat.hash(cached.salt, presented));
    }

    /** Whose key this is; empty for a key that is unknown, revoked or malformed. */
    public Optional<KeyHolder> authenticate(String presented) {
        if (configuredKeyHash.isPresent()
                && KeyFormat.sameHash(configuredKeyHash.get(), KeyFormat.hash(CONFIGURED_KEY_SALT, presented))) {
            return Optional.of(new KeyHolder(Optional.empty(), "bootstrap (configuration)", Role.ADMIN,
                    OptionalInt.empty()));
        }
        Optional<String> lookupId = KeyFormat.lookupId(presented);
        if (lookupId.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = cache.get(lookupId.get());
        if (cached == null || now - cached.loadedAt > config.keyCacheTime().toNanos()) {
            if (unknown.getIfPresent(lookupId.get()) != null) {
                return Optional.empty();
            }
            cached = QuarkusTransaction.requiringNew().call(() -> keys.findByLookupId(lookupId.get()))
                    .map(key -> new Cached(key.salt, key.keyHash, new KeyHolder(Optional.of(key.id), key.name,
                            Role.of(key.role).orElseThrow(), key.rateLimit == null ? OptionalInt.empty()
                                    : OptionalInt.of(key.rateLimit)), now,
                            previousUse(lookupId.get(), now)))
                    .orElse(null);
            if (cached == null) {
                cache.remove(lookupId.get());
                if (!config.keyCacheTime().isZero()) {
                    unknown.put(lookupId.get(), Boolean.TRUE);
                }
                return Optional.empty();
            }
            cache.put(lookupId.get(), cached);
        }
        if (!KeyFormat.sameHash(cached.hash, KeyFormat.hash(cached.salt, presented))) {
            return Optional.empty();
        }
        noteUse(cached, now);
        return Optional.of(cached.holder);
    }

    /**
     * Creates the first admin key when no key is configured and none is stored; the key, or empty when there was no
     * need. Replicas starting at once create one key between them.
     */
    Optional<CreatedKey> createFirstKeyIfNone() {
        if (configuredKeyHash.isPresent()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            keys.lockForBootstrap();
            if (keys.count() > 0) {
                return Optional.<CreatedKey>empty();
            }
            return Optional.of(store("bootstrap", Role.ADMIN, null));
        });
    }

    /** A new random key, stored as its salted hash in the current transaction. */
    private CreatedKey store(String name, Role role, Integer rateLimit) {
        String secret = KeyFormat.newKey();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name.strip();
        key.role = role.label();
        key.lookupId = KeyFormat.lookupId(secret).orElseThrow();
        key.salt = KeyFormat.newSalt();
        key.keyHash = KeyFormat.hash(key.salt, secret);
        key.createdAt = now();
        key.rateLimit = rateLimit;
        keys.persist(key);
        unknown.invalidate(key.lookupId);
        return new CreatedKey(StoredKey.of(key), secret);
    }

    /** Forgets every looked-up key (keys deleted behind the service's back, in tests). */
    void forgetCachedKeys() {
        cache.clear();
        unknown.invalidateAll();
    }

    private long previousUse(String lookupId, long now) {
        Cached previous = cache.get(lookupId);
        return previous != null ? previous.usedWrittenAt : now - LAST_USED_RESOLUTION.toNanos();
    }

    private void noteUse(Cached cached, long now) {
        if (cached.holder.id().isEmpty() || now - cached.usedWrittenAt < LAST_USED_RESOLUTION.toNanos()) {
            return;
        }
        cached.usedWrittenAt = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> keys.markUsed(cached.holder.id().get(), now()));
        } catch (RuntimeException e) {
            // the request itself may still be served (from the cache); it reports the outage if it needs the store
            LOG.debugf("Could not record the use of key %s: %s", cached.holder.name(), e.getMessage());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static final class Cached {
        final byte[] salt;
        final byte[] hash;
        final KeyHolder holder;
        final long loadedAt;
        volatile long usedWrittenAt;

        Cached(byte[] salt, byte[] hash, KeyHolder holder, long loadedAt, long usedWrittenAt) {
            this.salt = salt;
            this.hash = hash;
            this.holder = holder;
            this.loadedAt = loadedAt;
            this.usedWrittenAt = usedWrittenAt;
        }
    }
}
