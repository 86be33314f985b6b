package io.stratadb.client.ring;

import io.stratadb.client.protocol.Bytes;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Maps a key to its token: the first 64 bits (h1) of MurmurHash3 x64_128 of the key bytes, seed 0.
 *
 * <p>{@link Long#MIN_VALUE} is reserved as the start of the ring (so "the range after MIN" means the
 * whole ring and a scan can start before every key); a key hashing there is mapped to
 * {@link Long#MAX_VALUE}, as Cassandra does. We use the reference MurmurHash3 (commons-codec's
 * {@code hash128x64}); note that Cassandra's own implementation sign-extends the tail bytes, so for keys
 * whose length is not a multiple of 16 and whose tail has bytes >= 0x80 its tokens differ from ours.
 * Compatibility with Cassandra's token values is not a goal.
 */
public final class Murmur3Partitioner {
    /** The name a TOPOLOGY result reports, so clients can refuse a ring they cannot compute. */
    public static final String NAME = "Murmur3Partitioner";
    public static final long MIN_TOKEN = Long.MIN_VALUE;
    public static final long MAX_TOKEN = Long.MAX_VALUE;

    public String name() {
        return NAME;
    }

    public long tokenValue(byte[] key) {
        return normalize(MurmurHash3.hash128x64(key, 0, key.length, 0)[0]);
    }

    public Token token(byte[] key) {
        return new Token(tokenValue(key));
    }

    public Token token(Bytes key) {
        return new Token(tokenValue(key.unsafeArray()));
    }

    /** The mapping rule on its own: MIN is the ring start, never a key's token. */
    public static long normalize(long hash) {
        return hash == Long.MIN_VALUE ? Long.MAX_VALUE : hash;
    }
}
