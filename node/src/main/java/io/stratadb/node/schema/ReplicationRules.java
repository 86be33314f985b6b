package io.stratadb.node.schema;

import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.node.errors.RequestException;

import java.util.Map;

/**
 * What a new keyspace's replication may say. Factors are capped (a factor of a million is a typo, and
 * every replica list is computed per range), and at least one replica must be asked for somewhere.
 */
public final class ReplicationRules {

    public static final int MAX_REPLICATION_FACTOR = 64;

    private ReplicationRules() {
    }

    public static void check(ReplicationSettings replication) {
        if (replication instanceof ReplicationSettings.Simple s) {
            int rf = s.replicationFactor();
            if (rf < 1 || rf > MAX_REPLICATION_FACTOR) {
                throw RequestException.invalid("replication factor must be in 1.." + MAX_REPLICATION_FACTOR + ", got " + rf);
            }
            return;
        }
        Map<String, Integer> byDc = ((ReplicationSettings.NetworkTopology) replication).replicationByDatacenter();
        if (byDc.isEmpty()) {
            throw RequestException.invalid("network-topology replication must name at least one datacenter");
        }
        int total = 0;
        for (Map.Entry<String, Integer> e : byDc.entrySet()) {
            if (e.getKey().isBlank()) {
                throw RequestException.invalid("datacenter names must not be empty");
            }
            if (e.getValue() > MAX_REPLICATION_FACTOR) {
                throw RequestException.invalid("replication factor for " + e.getKey() + " must be at most "
                        + MAX_REPLICATION_FACTOR + ", got " + e.getValue());
            }
            total += e.getValue();
        }
        if (total < 1) {
            throw RequestException.invalid("replication must place at least one replica");
        }
    }
}
