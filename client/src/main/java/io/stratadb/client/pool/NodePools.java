package io.stratadb.client.pool;

import io.stratadb.client.routing.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's pools, one per node it knows, kept in step with the topology: a node that appears gets a
 * pool (which starts connecting), a node that disappears has its pool closed. Lookups are lock-free;
 * changes are synchronized, and refused once the client closes.
 */
public final class NodePools {
    private static final Logger log = LoggerFactory.getLogger(NodePools.class);

    private final Function<Node, NodePool> newPool;
    private final Map<Node, NodePool> pools = new ConcurrentHashMap<>();
    private boolean closed; // guarded by this

    /** @param newPool makes an unstarted pool for a node */
    public NodePools(Function<Node, NodePool> newPool) {
        this.newPool = newPool;
    }

    /** The pool of {@code node}, or {@code null} if the client does not (or no longer) connect to it. */
    public NodePool get(Node node) {
        return pools.get(node);
    }

    /** Every pool, in no particular order. */
    public Collection<NodePool> all() {
        return pools.values();
    }

    /** Adds (without starting) the pools of the contact points; returns them in the order given. */
    public synchronized List<NodePool> addContactPoints(Collection<Node> nodes) {
        List<NodePool> added = new ArrayList<>();
        for (Node node : nodes) {
            added.add(pools.computeIfAbsent(node, newPool));
        }
        return added;
    }

    /**
     * Makes the pools match {@code wanted}: starts pools for new nodes and closes those of nodes no longer
     * listed. Returns the nodes added. Does nothing once closed.
     */
    public synchronized Set<Node> reconcile(Collection<Node> wanted) {
        Set<Node> added = new LinkedHashSet<>();
        if (closed) {
            return added;
        }
        Set<Node> keep = new LinkedHashSet<>(wanted);
        for (Node node : List.copyOf(pools.keySet())) {
            if (!keep.contains(node)) {
                log.info("{} left the topology; closing its connections", node);
                pools.remove(node).close();
            }
        }
        for (Node node : keep) {
            if (!pools.containsKey(node)) {
                log.info("{} joined the topology; connecting", node);
                NodePool pool = newPool.apply(node);
                pools.put(node, pool);
                pool.start(); // its outcome is the pool's business: it reconnects with backoff
                added.add(node);
            }
        }
        return added;
    }

    /** Closes every pool; later reconciles do nothing. */
    public CompletableFuture<Void> closeAll() {
        List<NodePool> toClose;
        synchronized (this) {
            closed = true;
            toClose = List.copyOf(pools.values());
        }
        return CompletableFuture.allOf(toClose.stream().map(NodePool::close).toArray(CompletableFuture[]::new));
    }
}
