package io.stratadb.client.routing;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node the client may send requests to, known by the address it serves clients on. Equal by address.
 * Its host id, datacenter and tokens live in the {@link TopologySnapshot}, which changes over time while
 * the node (and its connection pool) stays the same.
 */
public final class Node {
    private final InetSocketAddress address;

    public Node(InetSocketAddress address) {
        this.address = Objects.requireNonNull(address, "address");
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
