package io.stratadb.client.ring;

import static io.stratadb.client.ring.RingFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenRingTest {
    private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

    /** The brute-force answer: the smallest ring token >= t, else the smallest token of all. */
    private static NodeInfo bruteForcePrimary(TokenRing ring, long t) {
        long best = 0;
        boolean found = false;
        long min = Long.MAX_VALUE;
        NodeInfo minOwner = null;
        NodeInfo owner = null;
        for (int i = 0; i < ring.size(); i++) {
            long rt = ring.tokenAt(i);
            if (rt >= t && (!found || rt < best)) {
                best = rt;
                owner = ring.ownerAt(i);
                found = true;
            }
            if (minOwner == null || rt < min) {
                min = rt;
                minOwner = ring.ownerAt(i);
            }
        }
        return found ? owner : minOwner;
    }

    @Test
    void primaryMatchesBruteForce() {
        long seed = TestSeeds.seed("primaryMatchesBruteForce");
        Random random = new Random(seed);
        for (int r = 0; r < 200; r++) {
            TokenRing ring = RingFixtures.randomRing(random, 1 + random.nextInt(8), 8, 2, 3);
            for (int i = 0; i < 200; i++) {
                long t = RingFixtures.probeToken(random, ring);
                NodeInfo primary = ring.primaryFor(new Token(t));
                assertEquals(bruteForcePrimary(ring, t), primary, "seed " + seed + " token " + t);
                TokenRange range = ring.rangeAt(ring.rangeIndexOf(t));
                assertTrue(range.contains(t), "seed " + seed);
                assertEquals(primary, range.owner());
            }
        }
    }

    @Test
    void rangesPartitionTheRingAndOwnershipSumsToOne() {
        long seed = TestSeeds.seed("rangesPartitionTheRingAndOwnershipSumsToOne");
        Random random = new Random(seed);
        for (int r = 0; r < 200; r++) {
            TokenRing ring = RingFixtures.randomRing(random, 1 + random.nextInt(8), 16, 1, 1);
            List<TokenRange> ranges = ring.ranges();
            BigInteger total = BigInteger.ZERO;
            for (TokenRange range : ranges) {
                BigInteger width = new BigInteger(Long.toUnsignedString(range.width()));
                total = total.add(width.signum() == 0 ? RING : width);
            }
            assertEquals(RING, total, "seed " + seed);
            double sum = ring.ownership().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-9, "seed " + seed);
            // Each probe lies in exactly one range.
            for (int i = 0; i < 50; i++) {
                long t = RingFixtures.probeToken(random, ring);
                assertEquals(1, ranges.stream().filter(x -> x.contains(t)).count(), "seed " + seed + " token " + t);
            }
        }
    }

    @Test
    void singleTokenOwnsEverything() {
        NodeInfo a = node("a", "dc", "r");
        TokenRing ring = TokenRing.of(Map.of(a, List.of(42L)));
        assertEquals(Map.of(a, 1.0), ring.ownership());
        assertEquals(a, ring.primaryFor(Token.MINIMUM));
        assertTrue(ring.rangeAt(0).contains(Long.MIN_VALUE));
        assertTrue(ring.rangeAt(0).contains(42));
    }

    @Test
    void evenlySpacedOwnershipIsExact() {
        NodeInfo a = node("a", "dc", "r");
        NodeInfo b = node("b", "dc", "r");
        TokenRing ring = TokenRing.of(Map.of(a, List.of(Long.MIN_VALUE, 0L), b, List.of(Long.MIN_VALUE / 2,
                Long.MAX_VALUE / 2 + 1)));
        assertEquals(0.5, ring.ownership().get(a), 1e-15);
        assertEquals(0.5, ring.ownership().get(b), 1e-15);
        assertEquals(a, ring.primaryFor(new Token(Long.MAX_VALUE)), "wraps to the smallest token");
        assertEquals(a, ring.primaryFor(new Token(-5)));
        assertEquals(b, ring.primaryFor(new Token(Long.MIN_VALUE / 2)));
        assertEquals(b, ring.primaryFor(new Token(1)));
    }

    @Test
    void snapshotsAreImmutableAndRejectConflicts() {
        NodeInfo a = node("a", "dc", "r");
        NodeInfo b = node("b", "dc", "r");
        TokenRing one = TokenRing.of(Map.of(a, List.of(1L)));
        TokenRing two = one.withNode(b, List.of(2L));
        assertEquals(1, one.size());
        assertEquals(2, two.size());
        assertEquals(1, two.withoutNode(a).size());
        assertThrows(IllegalArgumentException.class, () -> two.withNode(node("c", "dc", "r"), List.of(1L)));
        assertThrows(IllegalArgumentException.class,
                () -> TokenRing.of(Map.of(a, List.of(1L), node("a", "dc2", "r"), List.of(2L))));
        assertThrows(IllegalStateException.class, () -> TokenRing.empty().rangeIndexOf(0));
        assertEquals(List.of(), TokenRing.empty().replicasFor(Token.MINIMUM, new SimpleStrategy(3)));
    }
}
