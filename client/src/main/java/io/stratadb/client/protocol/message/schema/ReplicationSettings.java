package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a keyspace is replicated. Wire: {@code u8 strategy} then, for 0x01 simple, {@code i32 rf}; for 0x02
 * network-topology, {@code list<(string datacenter, i32 rf)>}.
 */
public sealed interface ReplicationSettings {
    int STRATEGY_SIMPLE = 0x01;
    int STRATEGY_NETWORK_TOPOLOGY = 0x02;

    /** Total number of replicas over all datacenters. */
    int totalReplicas();

    /** {@code rf} replicas placed clockwise on the ring, ignoring datacenters and racks. */
    record Simple(int replicationFactor) implements ReplicationSettings {
        public Simple {
            if (replicationFactor < 0) {
                throw new IllegalArgumentException("negative replication factor " + replicationFactor);
            }
        }

        @Override
        public int totalReplicas() {
            return replicationFactor;
        }
    }

    /** A replication factor per datacenter; within each, replicas are spread over racks. */
    record NetworkTopology(Map<String, Integer> replicationByDatacenter) implements ReplicationSettings {
        public NetworkTopology {
            TreeMap<String, Integer> copy = new TreeMap<>(replicationByDatacenter);
            copy.forEach((dc, rf) -> {
                Objects.requireNonNull(rf, "rf");
                if (rf < 0) {
                    throw new IllegalArgumentException("negative replication factor " + rf + " for " + dc);
                }
            });
            replicationByDatacenter = Collections.unmodifiableMap(copy);
        }

        @Override
        public int totalReplicas() {
            return replicationByDatacenter.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static void write(BodyWriter out, ReplicationSettings r) {
        if (r instanceof Simple s) {
            out.u8(STRATEGY_SIMPLE).i32(s.replicationFactor());
        } else if (r instanceof NetworkTopology n) {
            out.u8(STRATEGY_NETWORK_TOPOLOGY)
                    .list(n.replicationByDatacenter().entrySet(), (w, e) -> w.string(e.getKey()).i32(e.getValue()));
        }
    }

    static ReplicationSettings read(BodyReader in) {
        int strategy = in.u8();
        return switch (strategy) {
            case STRATEGY_SIMPLE -> new Simple(in.i32());
            case STRATEGY_NETWORK_TOPOLOGY -> {
                TreeMap<String, Integer> rfs = new TreeMap<>();
                int count = in.count("datacenters", 6);
                for (int i = 0; i < count; i++) {
                    String dc = in.string("datacenter");
                    if (rfs.put(dc, in.i32()) != null) {
                        throw in.malformed("datacenter " + dc + " listed twice");
                    }
                }
                yield new NetworkTopology(rfs);
            }
            default -> throw in.malformed("unknown replication strategy 0x" + Integer.toHexString(strategy));
        };
    }
}
