package io.stratadb.client.ring;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builders of random rings for ring tests. */
final class RingFixtures {
    private RingFixtures() {
    }

    static NodeInfo node(String id, String dc, String rack) {
        return new NodeInfo(id, InetSocketAddress.createUnresolved(id, 9042), dc, rack);
    }

    /** A ring of {@code nodes} nodes over the given datacenters and racks, random distinct tokens. */
    static TokenRing randomRing(Random random, int nodes, int maxTokensEach, int datacenters, int racksEach) {
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        Set<Long> used = new HashSet<>();
        for (int i = 0; i < nodes; i++) {
            NodeInfo n = node("n" + i, "dc" + random.nextInt(datacenters), "r" + random.nextInt(racksEach));
            List<Long> mine = new ArrayList<>();
            int count = 1 + random.nextInt(maxTokensEach);
            while (mine.size() < count) {
                long t = random.nextInt(8) == 0 ? edgeToken(random) : random.nextLong();
                if (used.add(t)) {
                    mine.add(t);
                }
            }
            tokens.put(n, mine);
        }
        return TokenRing.of(tokens);
    }

    static long edgeToken(Random random) {
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        return edges[random.nextInt(edges.length)];
    }

    static long probeToken(Random random, TokenRing ring) {
        int kind = random.nextInt(4);
        if (kind == 0 && !ring.isEmpty()) {
            long t = ring.tokenAt(random.nextInt(ring.size()));
            return t + (random.nextInt(3) - 1); // on, just before or just after a ring token
        }
        return kind == 1 ? edgeToken(random) : random.nextLong();
    }
}
