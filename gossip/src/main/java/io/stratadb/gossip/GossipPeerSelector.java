package io.stratadb.gossip;

import io.stratadb.gossip.state.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses whom to send a round's SYN to, following Cassandra's rules:
 * <ol>
 *   <li>one random live peer, so information spreads epidemically;
 *   <li>one random unreachable peer with probability {@code unreachable / (live + 1)}, so a node
 *       that comes back (or the other side of a healed partition) is found, and the fewer peers we
 *       can reach the harder we try;
 *   <li>a seed, always when nobody is live, otherwise with probability
 *       {@code seeds / (live + unreachable)}, but only if the live peer chosen was not a seed or fewer
 *       peers are live than there are seeds. Seeds are the meeting point that keeps the cluster from
 *       splitting into groups that never gossip with each other.
 * </ol>
 */
final class GossipPeerSelector {

    private final RandomGenerator random;

    GossipPeerSelector(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param live live peers, this node excluded
     * @param unreachable down peers worth trying, this node excluded
     * @param seeds seeds, this node excluded
     * @return distinct targets, possibly none (a lone seed with no peers)
     */
    List<Endpoint> chooseTargets(List<Endpoint> live, List<Endpoint> unreachable, List<Endpoint> seeds) {
        Set<Endpoint> targets = new LinkedHashSet<>();
        boolean gossipedToSeed = false;
        if (!live.isEmpty()) {
            Endpoint peer = pick(live);
            targets.add(peer);
            gossipedToSeed = seeds.contains(peer);
        }
        if (!unreachable.isEmpty()) {
            double probability = unreachable.size() / (live.size() + 1.0);
            if (random.nextDouble() < probability) {
                targets.add(pick(unreachable));
            }
        }
        if (!seeds.isEmpty() && (!gossipedToSeed || live.size() < seeds.size())) {
            if (live.isEmpty()) {
                targets.add(pick(seeds));
            } else {
                double probability = seeds.size() / (double) (live.size() + unreachable.size());
                if (random.nextDouble() <= probability) {
                    targets.add(pick(seeds));
                }
            }
        }
        return new ArrayList<>(targets);
    }

    private Endpoint pick(List<Endpoint> from) {
        return from.get(random.nextInt(from.size()));
    }
}
