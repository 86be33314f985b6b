package io.stratadb.bench.storage;

import java.util.SplittableRandom;

/**
 * Deterministic benchmark keys and values. Key {@code i} is 16 bytes whose first half is a bijective
 * mix of {@code i}, so keys of distinct indexes are distinct and indexes in order land at random
 * places in key order: walking an index range is a random walk over the key space, and indexes at or
 * beyond a store's key count name keys the store does not hold.
 */
final class KeySpace {

    static final int KEY_SIZE = 16;
    static final int VALUE_SIZE = 100;
    /** Distinct value arrays handed out round-robin; enough that LZ4 finds no repeats within a block. */
    private static final int VALUE_POOL = 1024;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private KeySpace() {
    }

    static byte[] key(long index) {
        byte[] k = new byte[KEY_SIZE];
        putLong(k, 0, mix(index + GOLDEN));
        putLong(k, 8, mix(~index));
        return k;
    }

    /** Keys {@code first, first + 1, ..., first + count - 1}, generated up front so no op pays for it. */
    static byte[][] keys(long first, int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = key(first + i);
        }
        return keys;
    }

    /** A pool of random (incompressible) values, shared between keys: cells never modify them. */
    static byte[][] values(int valueSize) {
        SplittableRandom random = new SplittableRandom(42);
        byte[][] values = new byte[VALUE_POOL][valueSize];
        for (byte[] v : values) {
            random.nextBytes(v);
        }
        return values;
    }

    /** The value to store for key index {@code i}. */
    static byte[] valueFor(byte[][] values, long i) {
        return values[(int) (i & (VALUE_POOL - 1))];
    }

    /** A bijection on longs (a variant of the SplitMix64 finaliser): distinct inputs, distinct outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }
}
