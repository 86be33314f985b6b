package io.stratadb.client.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable snapshot of the ring: sorted tokens, the node owning each, and per-strategy replica lists
 * computed on first use. The token at position {@code i} owns the range {@code (token[i-1], token[i]]};
 * position 0 also owns the wrap-around from the largest token. A topology change builds a new snapshot
 * ({@link #withNode}); readers keep using the old one meanwhile.
 */
public final class TokenRing {
    private final long[] tokens;
    private final NodeInfo[] owners;
    private final Map<NodeInfo, List<Long>> tokensByNode;
    private final Map<String, Set<String>> racksByDatacenter;
    private final Map<String, Integer> nodesByDatacenter;
    /** Memoised derived data; computing it twice under a race is harmless. */
    private final Map<ReplicationStrategy, ReplicaMap> replicaMaps = new ConcurrentHashMap<>();

    private TokenRing(TreeMap<Long, NodeInfo> sorted) {
        tokens = new long[sorted.size()];
        owners = new NodeInfo[sorted.size()];
        Map<NodeInfo, List<Long>> byNode = new LinkedHashMap<>();
        Map<String, Set<String>> racks = new TreeMap<>();
        Map<String, Integer> nodeCounts = new HashMap<>();
        Map<String, NodeInfo> byId = new HashMap<>();
        int i = 0;
        for (Map.Entry<Long, NodeInfo> e : sorted.entrySet()) {
            NodeInfo node = e.getValue();
            NodeInfo sameId = byId.putIfAbsent(node.id(), node);
            if (sameId != null && !sameId.equals(node)) {
                throw new IllegalArgumentException("two different nodes with id " + node.id());
            }
            tokens[i] = e.getKey();
            owners[i] = node;
            i++;
            if (!byNode.containsKey(node)) {
                nodeCounts.merge(node.datacenter(), 1, Integer::sum);
            }
            byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(e.getKey());
            racks.computeIfAbsent(node.datacenter(), k -> new TreeSet<>()).add(node.rack());
        }
        byNode.replaceAll((k, v) -> List.copyOf(v));
        racks.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        tokensByNode = Collections.unmodifiableMap(byNode);
        racksByDatacenter = Collections.unmodifiableMap(racks);
        nodesByDatacenter = Map.copyOf(nodeCounts);
    }

    public static TokenRing empty() {
        return new TokenRing(new TreeMap<>());
    }

    /** Builds a ring; a token claimed by two nodes is an error. */
    public static TokenRing of(Map<NodeInfo, ? extends Collection<Long>> tokensByNode) {
        TreeMap<Long, NodeInfo> sorted = new TreeMap<>();
        tokensByNode.forEach((node, nodeTokens) -> addAll(sorted, node, nodeTokens));
        return new TokenRing(sorted);
    }

    /** A new snapshot with {@code node} added (or its tokens replaced). */
    public TokenRing withNode(NodeInfo node, Collection<Long> nodeTokens) {
        TreeMap<Long, NodeInfo> sorted = toSortedMap();
        sorted.values().removeIf(n -> n.id().equals(node.id()));
        addAll(sorted, node, nodeTokens);
        return new TokenRing(sorted);
    }

    public TokenRing withoutNode(NodeInfo node) {
        TreeMap<Long, NodeInfo> sorted = toSortedMap();
        sorted.values().removeIf(n -> n.id().equals(node.id()));
        return new TokenRing(sorted);
    }

    /** The ring restricted to one datacenter, as that datacenter's replica placement sees ownership. */
    public TokenRing datacenter(String datacenter) {
        TreeMap<Long, NodeInfo> sorted = toSortedMap();
        sorted.values().removeIf(n -> !n.datacenter().equals(datacenter));
        return new TokenRing(sorted);
    }

    private static void addAll(TreeMap<Long, NodeInfo> sorted, NodeInfo node, Collection<Long> nodeTokens) {
        for (long t : nodeTokens) {
            NodeInfo previous = sorted.put(t, node);
            if (previous != null && !previous.equals(node)) {
                throw new IllegalArgumentException("token " + t + " claimed by " + previous + " and " + node);
            }
        }
    }

    private TreeMap<Long, NodeInfo> toSortedMap() {
        TreeMap<Long, NodeInfo> sorted = new TreeMap<>();
        for (int i = 0; i < tokens.length; i++) {
            sorted.put(tokens[i], owners[i]);
        }
        return sorted;
    }

    /** Number of tokens (ranges) on the ring. */
    public int size() {
        return tokens.length;
    }

    public boolean isEmpty() {
        return tokens.length == 0;
    }

    public long tokenAt(int index) {
        return tokens[index];
    }

    public NodeInfo ownerAt(int index) {
        return owners[index];
    }

    public Set<NodeInfo> nodes() {
        return tokensByNode.keySet();
    }

    public List<Long> tokensOf(NodeInfo node) {
        return tokensByNode.getOrDefault(node, List.of());
    }

    public Set<String> datacenters() {
        return racksByDatacenter.keySet();
    }

    public Set<String> racksIn(String datacenter) {
        return racksByDatacenter.getOrDefault(datacenter, Set.of());
    }

    public int nodesIn(String datacenter) {
        return nodesByDatacenter.getOrDefault(datacenter, 0);
    }

    /** The position of the range holding {@code token}: the first ring token >= it, wrapping to 0. */
    public int rangeIndexOf(long token) {
        if (tokens.length == 0) {
            throw new IllegalStateException("empty ring");
        }
        int i = Arrays.binarySearch(tokens, token);
        if (i >= 0) {
            return i;
        }
        int insertion = -i - 1;
        return insertion == tokens.length ? 0 : insertion;
    }

    /** The node owning the range that holds {@code token}. */
    public NodeInfo primaryFor(Token token) {
        return owners[rangeIndexOf(token.value())];
    }

    public TokenRange rangeAt(int index) {
        long start = tokens[(index + tokens.length - 1) % tokens.length];
        return new TokenRange(start, tokens[index], owners[index]);
    }

    /** Every range in ring order (range {@code i} ends at token {@code i}). */
    public List<TokenRange> ranges() {
        List<TokenRange> out = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            out.add(rangeAt(i));
        }
        return out;
    }

    /** Each node's share of the ring's primary ranges; the shares sum to 1 (to rounding). */
    public Map<NodeInfo, Double> ownership() {
        Map<NodeInfo, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            shares.merge(owners[i], rangeAt(i).fraction(), Double::sum);
        }
        return shares;
    }

    /** The replica lists under {@code strategy}, computed once per snapshot. */
    public ReplicaMap replicaMap(ReplicationStrategy strategy) {
        return replicaMaps.computeIfAbsent(strategy, s -> new ReplicaMap(this, s));
    }

    /** Shortcut for {@code replicaMap(strategy).replicasFor(token)}. */
    public List<NodeInfo> replicasFor(Token token, ReplicationStrategy strategy) {
        return replicaMap(strategy).replicasFor(token);
    }

    @Override
    public String toString() {
        return "TokenRing[" + tokens.length + " tokens, " + tokensByNode.size() + " nodes]";
    }
}
