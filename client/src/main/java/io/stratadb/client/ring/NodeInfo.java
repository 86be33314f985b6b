package io.stratadb.client.ring;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node as the ring sees it: its host id (unique, stable across address changes), the address clients
 * use, and its placement for rack-aware replication.
 */
public record NodeInfo(String id, InetSocketAddress address, String datacenter, String rack) {
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(rack, "rack");
    }

    @Override
    public String toString() {
        return id + "@" + datacenter + "/" + rack;
    }
}
