package io.stratadb.node.coordinator;

import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.StorageConfig;

import java.util.Arrays;

/**
 * How a user key is stored: the key's 8-byte big-endian token with its sign bit flipped, then the key.
 * Flipping the sign bit makes unsigned byte order (the engine's order) equal signed token order (the
 * ring's), so a table scan walks the ring from its start (token MIN) to its end, and within one token
 * by key bytes. That is what lets cluster-wide scans, repair and streaming work by token range: a range
 * of the ring is a contiguous run of storage keys.
 *
 * <p>The 8-byte prefix costs key space: the engine accepts keys up to 64 KiB, so user keys may be at most
 * {@link #MAX_USER_KEY_BYTES}.
 */
public final class StorageKeys {

    public static final int TOKEN_BYTES = 8;
    public static final int MAX_USER_KEY_BYTES = StorageConfig.MAX_KEY_SIZE - TOKEN_BYTES;

    private StorageKeys() {
    }

    public static byte[] of(long token, byte[] userKey) {
        byte[] out = new byte[TOKEN_BYTES + userKey.length];
        long flipped = token ^ Long.MIN_VALUE;
        for (int i = 0; i < TOKEN_BYTES; i++) {
            out[i] = (byte) (flipped >>> (56 - 8 * i));
        }
        System.arraycopy(userKey, 0, out, TOKEN_BYTES, userKey.length);
        return out;
    }

    public static long token(byte[] storageKey) {
        long v = 0;
        for (int i = 0; i < TOKEN_BYTES; i++) {
            v = (v << 8) | (storageKey[i] & 0xFF);
        }
        return v ^ Long.MIN_VALUE;
    }

    /**
     * The smallest storage-key bound above every key of tokens below {@code token}: its 8-byte prefix
     * alone. Every stored key of that token is longer (user keys are never empty), so the prefix is an
     * exclusive start for "tokens >= token" and an exclusive end for "tokens < token".
     */
    public static byte[] tokenBound(long token) {
        return of(token, new byte[0]);
    }

    public static byte[] userKey(byte[] storageKey) {
        return Arrays.copyOfRange(storageKey, TOKEN_BYTES, storageKey.length);
    }

    /** INVALID_REQUEST for a key that cannot be stored with its token prefix, or an empty one. */
    public static void checkUserKey(byte[] userKey) {
        if (userKey.length == 0) {
            // Scans bound token ranges by the 8-byte token prefix alone, which only works if no key is just it.
            throw RequestException.invalid("key must not be empty");
        }
        if (userKey.length > MAX_USER_KEY_BYTES) {
            throw RequestException.invalid("key of " + userKey.length + " bytes exceeds the maximum of "
                    + MAX_USER_KEY_BYTES + " bytes");
        }
    }
}
