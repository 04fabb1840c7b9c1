package io.semsearch.security;

/** A key just created: the only time its secret exists outside the client. */
public record CreatedKey(StoredKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedKey[" + key + "]";
    }
}
