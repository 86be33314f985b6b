package io.stratadb.client.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Chooses the tokens of a joining node so that primary ownership stays balanced within its datacenter.
 *
 * <p>The first node of a datacenter gets {@code numTokens} evenly spaced tokens from a random offset.
 * Every later node aims at an equal share, {@code 1/(n+1)} of the ring: each of its tokens takes a slice
 * of {@code share/numTokens} from the node that currently owns the most, cut from that node's largest
 * range (all of it but one token if the range is narrower than the slice). Splitting the globally largest
 * ranges alone is not enough: when ranges are all equal it keeps taking from the same node (three nodes of
 * 16 tokens end up at 50/25/25), and halving ranges caps what a newcomer can take.
 *
 * <p>A node with a single token instead bisects the richest node's largest range, which keeps the
 * largest share within twice the smallest (an exact share is out of reach with one cut).
 *
 * <p>It balances primary ownership, not replicated ownership under a given strategy and rack layout.
 */
public final class TokenAllocator {
    private final RandomGenerator random;

    public TokenAllocator(RandomGenerator random) {
        this.random = random;
    }

    /** Tokens for {@code newNode}, balanced against the nodes of its datacenter in {@code ring}. */
    public List<Long> allocate(TokenRing ring, NodeInfo newNode, int numTokens) {
        if (numTokens < 1) {
            throw new IllegalArgumentException("numTokens must be >= 1");
        }
        TokenRing local = ring.withoutNode(newNode).datacenter(newNode.datacenter());
        List<Long> chosen = local.isEmpty() ? evenlySpaced(numTokens) : takeFromLargest(local, numTokens);
        return avoidCollisions(ring, chosen);
    }

    private List<Long> evenlySpaced(int numTokens) {
        long step = Long.divideUnsigned(-1L, numTokens);
        long offset = random.nextLong();
        List<Long> out = new ArrayList<>(numTokens);
        for (int i = 0; i < numTokens; i++) {
            out.add(offset + step * i);
        }
        return out;
    }

    private static List<Long> takeFromLargest(TokenRing local, int numTokens) {
        TreeMap<Long, NodeInfo> owners = new TreeMap<>();
        Map<NodeInfo, Double> owned = new HashMap<>(local.ownership());
        for (int i = 0; i < local.size(); i++) {
            owners.put(local.tokenAt(i), local.ownerAt(i));
        }
        long slice = Long.divideUnsigned(-1L, (long) (local.nodes().size() + 1) * numTokens);
        List<Long> out = new ArrayList<>(numTokens);
        Set<Long> mine = new HashSet<>();
        for (int k = 0; k < numTokens; k++) {
            NodeInfo donor = richest(owned);
            long[] range = largestRangeOf(owners, donor, mine);
            long start = range[0];
            long width = range[1] - start;
            // Take the slice, or all but one token of a range narrower than the slice (halving instead
            // would starve the newcomer once ranges shrink: three nodes of 16 tokens ended at 25/37.5/37.5).
            // width 0 is the whole ring (one token in total), which always has room for a slice.
            long take = width == 0 || Long.compareUnsigned(slice, width) < 0 ? slice : width - 1;
            if (numTokens == 1) {
                // One token cannot aim at a share; bisecting the richest node's range keeps max/min <= 2.
                take = width == 0 ? Long.MIN_VALUE : width >>> 1;
            }
            if (take == 0) {
                throw new IllegalStateException("ring too crowded to place another token");
            }
            long token = start + take;
            owners.put(token, null);
            mine.add(token);
            out.add(token);
            owned.merge(donor, -TokenRange.unsignedToDouble(take) / 0x1p64, Double::sum);
        }
        return out;
    }

    private static NodeInfo richest(Map<NodeInfo, Double> owned) {
        NodeInfo best = null;
        for (Map.Entry<NodeInfo, Double> e : owned.entrySet()) {
            if (best == null || e.getValue() > owned.get(best)
                    || (e.getValue().equals(owned.get(best)) && e.getKey().id().compareTo(best.id()) < 0)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** {start, end} of {@code donor}'s widest range; a null owner marks a token just placed for the new node. */
    private static long[] largestRangeOf(TreeMap<Long, NodeInfo> owners, NodeInfo donor, Set<Long> mine) {
        long previous = owners.lastKey();
        long bestStart = 0;
        long bestEnd = 0;
        long bestWidth = 0;
        boolean found = false;
        for (Map.Entry<Long, NodeInfo> e : owners.entrySet()) {
            long end = e.getKey();
            long width = end - previous;
            if (!mine.contains(end) && donor.equals(e.getValue())
                    && (!found || Long.compareUnsigned(width, bestWidth) > 0 || width == 0)) {
                bestStart = previous;
                bestEnd = end;
                bestWidth = width;
                found = true;
                if (width == 0) {
                    break; // a single token owns the whole ring
                }
            }
            previous = end;
        }
        return new long[] {bestStart, bestEnd};
    }

    /** Other datacenters' tokens are not in the local ring; nudge past any we would duplicate. */
    private static List<Long> avoidCollisions(TokenRing ring, List<Long> chosen) {
        Set<Long> taken = new HashSet<>();
        for (int i = 0; i < ring.size(); i++) {
            taken.add(ring.tokenAt(i));
        }
        List<Long> out = new ArrayList<>(chosen.size());
        for (long t : chosen) {
            while (t == Long.MIN_VALUE || !taken.add(t)) {
                t++;
            }
            out.add(t);
        }
        return out;
    }
}
