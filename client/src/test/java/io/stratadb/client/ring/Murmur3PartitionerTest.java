package io.stratadb.client.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import io.stratadb.client.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Murmur3PartitionerTest {
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();

    private long token(String s) {
        return partitioner.tokenValue(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void knownAnswers() {
        // Empty input with seed 0 hashes to zero in MurmurHash3.
        assertEquals(0L, token(""));
        // The widely published x64_128 vector: h1 = 0xe34bbc7bbc071b6c.
        assertEquals(0xe34bbc7bbc071b6cL, token("The quick brown fox jumps over the lazy dog"));
        // Pinned values (also checked against the independent reference), so a change that would move every
        // key's token, and so all data, fails here.
        Object[][] pinned = {
            {"a", -8839064797231613815L},
            {"key1", 1573573083296714675L},
            {"strata", -3695326478163185192L},
            {"0123456789abcdef", 5467490433528156583L}, // exactly one block, no tail
            {"0123456789abcdefg", -8200385122730116642L}, // one block and a one-byte tail
        };
        for (Object[] row : pinned) {
            String k = (String) row[0];
            assertEquals(row[1], token(k), k);
            assertEquals(row[1], ReferenceMurmur3.h1(k.getBytes(StandardCharsets.UTF_8), 0), k);
        }
    }

    @Test
    void libraryAgreesWithTheReferenceOnRandomKeysOfEveryTailLength() {
        long seed = TestSeeds.seed("libraryAgreesWithTheReferenceOnRandomKeysOfEveryTailLength");
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            byte[] key = new byte[random.nextInt(70)];
            random.nextBytes(key); // bytes >= 0x80 in the tail catch sign-extension mistakes
            assertEquals(Murmur3Partitioner.normalize(ReferenceMurmur3.h1(key, 0)), partitioner.tokenValue(key),
                    "seed " + seed);
            assertEquals(partitioner.tokenValue(key), partitioner.token(Bytes.copyOf(key)).value());
            assertTrue(partitioner.tokenValue(key) != Long.MIN_VALUE);
        }
    }

    @Test
    void minimumIsReservedForTheRingStart() {
        assertEquals(Long.MAX_VALUE, Murmur3Partitioner.normalize(Long.MIN_VALUE));
        assertEquals(Long.MAX_VALUE, Murmur3Partitioner.normalize(Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE + 1, Murmur3Partitioner.normalize(Long.MIN_VALUE + 1));
        assertEquals(0, Murmur3Partitioner.normalize(0));
        assertEquals(-1, Murmur3Partitioner.normalize(-1));
        assertEquals("Murmur3Partitioner", partitioner.name());
    }

    @Test
    void tokensOrderAsSignedLongs() {
        assertTrue(new Token(-5).compareTo(new Token(3)) < 0);
        assertTrue(Token.MINIMUM.compareTo(new Token(Long.MIN_VALUE + 1)) < 0);
        assertTrue(new Token(Long.MAX_VALUE).compareTo(new Token(0)) > 0);
    }
}
