package io.stratadb.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys stay byte for byte what YCSB's format gives, so runs before and after address the same records. */
class RecordKeysTest {

    @Test
    void keysAreUserFollowedByTheNineteenDigitHash() {
        long seed = System.nanoTime();
        System.out.println("RecordKeysTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            long record = i < 100 ? i : random.nextLong(Long.MAX_VALUE);
            long h = ScrambledZipfianChooser.fnv64(record) & Long.MAX_VALUE;
            assertEquals(String.format("user%019d", h), new String(RecordKeys.key(record), StandardCharsets.US_ASCII),
                    "record " + record + " (seed " + seed + ")");
        }
    }
}
