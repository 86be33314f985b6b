package io.stratadb.node.coordinator;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StorageKeysTest {

    @Test
    void unsignedByteOrderOfStorageKeysIsSignedTokenOrder() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        for (int i = 0; i < 20_000; i++) {
            long a = i < edges.length * edges.length ? edges[i % edges.length] : random.nextLong();
            long b = i < edges.length * edges.length ? edges[i / edges.length] : random.nextLong();
            byte[] ka = StorageKeys.of(a, new byte[] {1});
            byte[] kb = StorageKeys.of(b, new byte[] {1});
            assertEquals(Integer.signum(Long.compare(a, b)), Integer.signum(Arrays.compareUnsigned(ka, kb)),
                    a + " vs " + b + " (seed " + seed + ")");
        }
    }

    @Test
    void withinOneTokenKeysOrderByTheirBytes() {
        assertEquals(-1, Integer.signum(Arrays.compareUnsigned(StorageKeys.of(5, new byte[] {1}),
                StorageKeys.of(5, new byte[] {1, 0}))));
        assertEquals(-1, Integer.signum(Arrays.compareUnsigned(StorageKeys.of(5, new byte[] {0x7F}),
                StorageKeys.of(5, new byte[] {(byte) 0x80}))));
    }

    @Test
    void roundTrip() {
        byte[] key = {9, 8, 7};
        byte[] stored = StorageKeys.of(-12345L, key);
        assertEquals(-12345L, StorageKeys.token(stored));
        assertArrayEquals(key, StorageKeys.userKey(stored));
        assertArrayEquals(new byte[0], StorageKeys.userKey(StorageKeys.of(0, new byte[0])));
    }
}
