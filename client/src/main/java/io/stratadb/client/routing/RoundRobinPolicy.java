package io.stratadb.client.routing;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads requests evenly: each plan starts one node further along than the last and goes round all
 * nodes, so when one is down its share moves to the next. Ignores keyspace and key.
 */
public final class RoundRobinPolicy implements LoadBalancingPolicy {
    private final AtomicInteger next = new AtomicInteger();
    private volatile List<Node> nodes = List.of();

    @Override
    public void init(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public Iterator<Node> queryPlan(RoutingInfo routing) {
        List<Node> snapshot = nodes;
        int start = snapshot.isEmpty() ? 0 : Math.floorMod(next.getAndIncrement(), snapshot.size());
        return new Iterator<>() {
            private int tried;

            @Override
            public boolean hasNext() {
                return tried < snapshot.size();
            }

            @Override
            public Node next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return snapshot.get((start + tried++) % snapshot.size());
            }
        };
    }
}
