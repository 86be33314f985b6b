package io.stratadb.node.admin;

import java.util.List;

/**
 * INFO: the answering node. {@code generation} is its gossip heartbeat generation, {@code null} while it
 * does not gossip; {@code heap*} are the JVM's.
 */
public record InfoReport(String hostId, String address, String datacenter, String rack, long uptimeSeconds,
                         long loadBytes, long memtableBytes, String schemaVersion, Long generation, int tokens,
                         long heapUsedBytes, long heapMaxBytes, String dataDirectory, List<Keyspace> keyspaces) {

    public InfoReport {
        keyspaces = List.copyOf(keyspaces);
    }

    /** A keyspace and its replication, e.g. {@code simple rf=3} or {@code network_topology dc1=3 dc2=2}. */
    public record Keyspace(String name, String replication) {
    }
}
