package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(SeedExtension.class)
class BloomFilterTest {

    @ParameterizedTest(name = "p={0}")
    @CsvSource({"0.01, 0.02, 0.005", "0.001, 0.002, 0.0003", "0.1, 0.13, 0.07"})
    void measuredFalsePositiveRateIsNearTheConfiguredChance(double p, double atMost, double atLeast, Random r) {
        int n = 100_000;
        BloomFilter bloom = BloomFilter.forExpectedKeys(n, p);
        Set<String> added = new HashSet<>();
        for (int i = 0; i < n; i++) {
            byte[] key = TestTables.randomKey(r, 16, 16);
            bloom.add(key);
            added.add(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        int probes = 200_000;
        int falsePositives = 0;
        for (int i = 0; i < probes; i++) {
            byte[] key = TestTables.randomKey(r, 16, 16);
            if (!added.contains(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1)) && bloom.mayContain(key)) {
                falsePositives++;
            }
        }
        double rate = (double) falsePositives / probes;
        assertTrue(rate <= atMost && rate >= atLeast, "false-positive rate " + rate + " for p=" + p);
    }

    @Test
    void neverAFalseNegativeAndTheEncodingRoundTrips(Random r) {
        BloomFilter bloom = BloomFilter.forExpectedKeys(5_000, 0.01);
        byte[][] keys = new byte[5_000][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = TestTables.randomKey(r, 0, 40);
            bloom.add(keys[i]);
        }
        BloomFilter decoded = BloomFilter.decode(bloom.encode());
        assertEquals(bloom.hashCount(), decoded.hashCount());
        assertEquals(bloom.bitCount(), decoded.bitCount());
        for (byte[] key : keys) {
            assertTrue(bloom.mayContain(key));
            assertTrue(decoded.mayContain(key));
        }
        for (int i = 0; i < 10_000; i++) {
            byte[] probe = TestTables.randomKey(r, 0, 40);
            assertEquals(bloom.mayContain(probe), decoded.mayContain(probe));
        }
    }

    @Test
    void sizingFollowsTheStandardFormula() {
        BloomFilter bloom = BloomFilter.forExpectedKeys(1_000_000, 0.01);
        assertEquals(7, bloom.hashCount());
        assertEquals(9.585, bloom.bitCount() / 1e6, 0.01); // -ln(0.01) / ln(2)^2 bits per key
        assertEquals(1, BloomFilter.forExpectedKeys(0, 0.5).hashCount());
    }

    @Test
    void malformedBlocksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.decode(new byte[3]));
        byte[] encoded = BloomFilter.forExpectedKeys(100, 0.01).encode();
        encoded[0] = 0; // zero hash functions
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.decode(encoded));
        byte[] truncated = java.util.Arrays.copyOf(BloomFilter.forExpectedKeys(100, 0.01).encode(), 20);
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.decode(truncated));
    }
}
