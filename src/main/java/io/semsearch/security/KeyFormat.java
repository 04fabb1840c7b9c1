package io.semsearch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How keys look and how they are hashed. A key is {@code ssk_<lookup id>_<secret>}: 12 hex characters (48 random
 * bits) that find the key's row, then 43 base64url characters (256 random bits).
 *
 * <p>Why a salted SHA-256 and not bcrypt/scrypt/Argon2: those slow hashes protect low-entropy secrets (passwords)
 * from guessing once the hashes leak. A random 256-bit secret cannot be guessed however fast the hash is, so a slow
 * hash would only add milliseconds of CPU to every request. The salt makes equal keys hash differently and rules out
 * precomputed tables; the lookup id makes the check one indexed read; hashes are compared in constant time.
 */
public final class KeyFormat {

    static final String PREFIX = "ssk_";
    static final int LOOKUP_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    static final int LENGTH = PREFIX.length() + LOOKUP_LENGTH + 1 + SECRET_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFormat() {
    }

    /** A new random key. */
    static String newKey() {
        byte[] lookup = new byte[LOOKUP_LENGTH / 2];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(lookup);
        RANDOM.nextBytes(secret);
        return PREFIX + HexFormat.of().formatHex(lookup) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The lookup id of a well-formed key; empty for anything else (which then matches no stored key). */
    static Optional<String> lookupId(String key) {
        if (key.length() != LENGTH || !key.startsWith(PREFIX) || key.charAt(PREFIX.length() + LOOKUP_LENGTH) != '_') {
            return Optional.empty();
        }
        String lookup = key.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH);
        return lookup.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c))
                ? Optional.of(lookup) : Optional.empty();
    }

    static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** SHA-256 of the salt followed by the key's UTF-8 bytes. */
    static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
