package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.Endpoint;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whom a round's SYN goes to, and how often, matches the documented probabilities. */
class GossipPeerSelectorTest {

    private static final int ROUNDS = 20_000;

    private static List<Endpoint> endpoints(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj(i -> Endpoint.of("10.0.0." + i, 7000))
                .toList();
    }

    private final GossipPeerSelector selector = new GossipPeerSelector(new SplittableRandom(TestSeed.pick("selector")));

    @Test
    void withNobodyLiveAlwaysASeed() {
        List<Endpoint> seeds = endpoints(1, 2);
        for (int i = 0; i < 1000; i++) {
            List<Endpoint> targets = selector.chooseTargets(List.of(), List.of(), seeds);
            assertEquals(1, targets.size());
            assertTrue(seeds.contains(targets.get(0)));
        }
    }

    @Test
    void aLoneSeedHasNobodyToTalkTo() {
        assertTrue(selector.chooseTargets(List.of(), List.of(), List.of()).isEmpty());
    }

    @Test
    void oneLivePeerEveryRoundAndUnreachablePeersByCount() {
        List<Endpoint> live = endpoints(10, 4);
        List<Endpoint> down = endpoints(20, 2);
        int unreachableHits = 0;
        for (int i = 0; i < ROUNDS; i++) {
            List<Endpoint> targets = selector.chooseTargets(live, down, List.of());
            assertTrue(live.contains(targets.get(0)));
            assertEquals(targets.size(), new HashSet<>(targets).size(), "no duplicates");
            unreachableHits += targets.stream().filter(down::contains).count();
        }
        assertEquals(2.0 / (4 + 1), unreachableHits / (double) ROUNDS, 0.02);
    }

    @Test
    void aSeedWithProbabilitySeedsOverKnownWhenTheLivePeerWasNotASeed() {
        List<Endpoint> seeds = endpoints(1, 1);
        List<Endpoint> live = endpoints(10, 4);
        int seedHits = 0;
        for (int i = 0; i < ROUNDS; i++) {
            seedHits += selector.chooseTargets(live, List.of(), seeds).contains(seeds.get(0)) ? 1 : 0;
        }
        assertEquals(1.0 / 4, seedHits / (double) ROUNDS, 0.02);
    }

    @Test
    void noExtraSeedWhenTheLivePeerWasASeedAndEnoughPeersAreLive() {
        List<Endpoint> seeds = endpoints(1, 1);
        List<Endpoint> live = List.of(seeds.get(0));
        for (int i = 0; i < 1000; i++) {
            assertEquals(List.of(seeds.get(0)), selector.chooseTargets(live, List.of(), seeds));
        }
    }
}
