package io.stratadb.node.schema;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.ring.NetworkTopologyStrategy;
import io.stratadb.client.ring.ReplicationStrategy;
import io.stratadb.client.ring.SimpleStrategy;

import java.util.Map;
import java.util.Objects;

/**
 * A keyspace as the node uses it: its definition (what clients see), the storage table holding its rows,
 * and the ring strategy that places its replicas.
 *
 * <p>The table is {@code <name>_<id>} with a fresh id per creation, so a keyspace dropped and created
 * again never sees rows of its predecessor, even ones from writes still in flight during the drop.
 */
public record KeyspaceMetadata(KeyspaceDefinition definition, String table) {

    public KeyspaceMetadata {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(table, "table");
    }

    public String name() {
        return definition.name();
    }

    public ReplicationSettings replication() {
        return definition.replication();
    }

    /** The ring strategy for this keyspace's replication. */
    public ReplicationStrategy strategy() {
        ReplicationSettings r = definition.replication();
        if (r instanceof ReplicationSettings.Simple s) {
            return new SimpleStrategy(s.replicationFactor());
        }
        return new NetworkTopologyStrategy(((ReplicationSettings.NetworkTopology) r).replicationByDatacenter());
    }

    /**
     * Replication factor per datacenter, for consistency arithmetic. A simple strategy ignores datacenters,
     * so its whole factor is counted as the coordinator's datacenter's: LOCAL_QUORUM then means a quorum
     * of all replicas, as for QUORUM.
     */
    public Map<String, Integer> replicationByDatacenter(String localDatacenter) {
        ReplicationSettings r = definition.replication();
        if (r instanceof ReplicationSettings.Simple s) {
            return Map.of(localDatacenter, s.replicationFactor());
        }
        return ((ReplicationSettings.NetworkTopology) r).replicationByDatacenter();
    }
}
