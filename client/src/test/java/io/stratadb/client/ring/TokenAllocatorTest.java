package io.stratadb.client.ring;

import static io.stratadb.client.ring.RingFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAllocatorTest {

    private static TokenRing grow(long seed, String dc, int nodes, int numTokens, TokenRing start) {
        TokenAllocator allocator = new TokenAllocator(new Random(seed));
        TokenRing ring = start;
        for (int i = 0; i < nodes; i++) {
            NodeInfo n = node(dc + "-n" + i, dc, "r" + (i % 3));
            List<Long> tokens = allocator.allocate(ring, n, numTokens);
            assertEquals(numTokens, tokens.size());
            assertEquals(numTokens, new HashSet<>(tokens).size());
            ring = ring.withNode(n, tokens);
        }
        return ring;
    }

    private static double[] minMax(Map<NodeInfo, Double> ownership) {
        double min = ownership.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = ownership.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new double[] {min, max};
    }

    private static void print(String label, TokenRing ring) {
        StringBuilder sb = new StringBuilder(label).append(':');
        ring.ownership().forEach((n, share) -> sb.append(String.format(" %s=%.2f%%", n.id(), 100 * share)));
        double[] mm = minMax(ring.ownership());
        sb.append(String.format("  max/min=%.3f", mm[1] / mm[0]));
        System.out.println(sb);
    }

    @Test
    void threeNodesOfSixteenTokensStayUnderFortyPercent() {
        long seed = TestSeeds.seed("threeNodesOfSixteenTokensStayUnderFortyPercent");
        TokenRing ring = grow(seed, "dc", 3, 16, TokenRing.empty());
        print("3 nodes x 16 tokens", ring);
        assertEquals(48, ring.size());
        ring.ownership().forEach((n, share) -> assertTrue(share <= 0.40, "seed " + seed + ": " + n + " owns " + share));
    }

    @Test
    void fiveAndTenNodesStayBalanced() {
        long seed = TestSeeds.seed("fiveAndTenNodesStayBalanced");
        for (int nodes : new int[] {5, 10}) {
            for (int numTokens : new int[] {1, 16, 64}) {
                TokenRing ring = grow(seed, "dc", nodes, numTokens, TokenRing.empty());
                print(nodes + " nodes x " + numTokens + " tokens", ring);
                double[] mm = minMax(ring.ownership());
                // One token per node cannot split a range finer than halves; vnodes can.
                double bound = numTokens == 1 ? 2.01 : 1.25;
                assertTrue(mm[1] / mm[0] <= bound, "seed " + seed + ": max/min " + mm[1] / mm[0]);
            }
        }
    }

    @Test
    void datacentersAreBalancedSeparatelyAndNeverShareATokens() {
        long seed = TestSeeds.seed("datacentersAreBalancedSeparatelyAndNeverShareATokens");
        TokenRing ring = grow(seed, "east", 4, 16, TokenRing.empty());
        ring = grow(seed + 1, "west", 3, 16, ring);
        Set<Long> all = new HashSet<>();
        for (NodeInfo n : ring.nodes()) {
            for (long t : ring.tokensOf(n)) {
                assertTrue(all.add(t), "duplicate token " + t);
            }
        }
        for (String dc : List.of("east", "west")) {
            TokenRing local = ring.datacenter(dc);
            print(dc, local);
            double[] mm = minMax(local.ownership());
            assertTrue(mm[1] / mm[0] <= 1.25, "seed " + seed + " " + dc);
        }
    }

    @Test
    void sameSeedSameTokens() {
        assertEquals(grow(7, "dc", 4, 8, TokenRing.empty()).ranges(), grow(7, "dc", 4, 8, TokenRing.empty()).ranges());
    }
}
