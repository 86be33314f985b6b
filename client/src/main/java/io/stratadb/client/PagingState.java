package io.stratadb.client;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ProtocolLimits;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a scan starts: hand it back to {@code scan} to continue. Opaque on purpose, so its
 * content can change (for instance to carry a token range once scans are routed by token); it can be saved
 * and restored as bytes ({@link #toBytes()}) or as URL-safe text ({@link #toString()}), e.g. for a web page's
 * "next" link.
 *
 * <p>Today it holds the last key of the page, and the next page starts strictly after that key. It is
 * meaningful only for the keyspace it was read from.
 */
public final class PagingState {
    /** First byte of the serialized form, so later formats can be told apart. */
    private static final byte FORMAT_V1 = 1;

    private final Bytes lastKey;

    private PagingState(Bytes lastKey) {
        this.lastKey = Objects.requireNonNull(lastKey, "lastKey");
    }

    static PagingState afterKey(Bytes key) {
        return new PagingState(key);
    }

    /**
     * A scan position just after {@code key} in ring order (its token, then its bytes): a scan from it
     * returns the rows that follow that key around the ring. Useful to start a scan anywhere, e.g.
     * YCSB's short range scans.
     */
    public static PagingState after(byte[] key) {
        return new PagingState(Bytes.wrap(key.clone()));
    }

    Bytes lastKey() {
        return lastKey;
    }

    /** The serialized form, for {@link #fromBytes(byte[])}. */
    public byte[] toBytes() {
        byte[] key = lastKey.unsafeArray();
        byte[] out = new byte[1 + key.length];
        out[0] = FORMAT_V1;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    /**
     * Restores a paging state from {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the bytes are not a paging state
     */
    public static PagingState fromBytes(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
            throw new IllegalArgumentException("not a paging state (unknown format)");
        }
        if (bytes.length - 1 > ProtocolLimits.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("not a paging state (too long)");
        }
        return new PagingState(Bytes.wrap(Arrays.copyOfRange(bytes, 1, bytes.length)));
    }

    /**
     * Restores a paging state from its {@link #toString()} text.
     *
     * @throws IllegalArgumentException if the text is not a paging state
     */
    public static PagingState parse(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a paging state: " + e.getMessage(), e);
        }
        return fromBytes(bytes);
    }

    /** URL-safe base64 of {@link #toBytes()}, without padding; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PagingState p && p.lastKey.equals(lastKey);
    }

    @Override
    public int hashCode() {
        return lastKey.hashCode();
    }
}
