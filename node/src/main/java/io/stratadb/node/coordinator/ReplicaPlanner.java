package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.Token;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides, before anything is sent, whether a request can meet its consistency level: plain logic over a
 * {@link ClusterView} snapshot, no I/O. The requirement comes from the keyspace's replication factor, not
 * from the nodes that exist: RF 3 on a one-node cluster needs 2 answers at QUORUM and has 1 live replica,
 * so the answer is UNAVAILABLE (required 2, alive 1), while ONE works.
 */
public final class ReplicaPlanner {

    private ReplicaPlanner() {
    }

    public static ReplicaPlan forWrite(ClusterView view, KeyspaceMetadata ks, long token, ConsistencyLevel cl) {
        if (!cl.isValidForWrite()) {
            throw RequestException.invalid(cl + " is for compare-and-set, not for plain writes");
        }
        List<NodeInfo> natural = view.ring().replicasFor(new Token(token), ks.strategy());
        List<NodeInfo> live = live(view, natural);
        // ANY is met by a hint as well as by a replica, so it is available whenever this node can hint.
        int blockFor = cl == ConsistencyLevel.ANY ? 1 : checkAvailable(view, ks, cl, live);
        return new ReplicaPlan(cl, natural, live, live, blockFor);
    }

    public static ReplicaPlan forRead(ClusterView view, KeyspaceMetadata ks, long token, ConsistencyLevel cl) {
        if (!cl.isValidForRead()) {
            throw RequestException.invalid(cl + " is only valid for writes");
        }
        if (cl.isSerial()) {
            throw RequestException.invalid(cl + " reads are single-key GETs through Paxos; multi-get and scan do not support it");
        }
        List<NodeInfo> natural = view.ring().replicasFor(new Token(token), ks.strategy());
        List<NodeInfo> live = live(view, natural);
        int blockFor = checkAvailable(view, ks, cl, live);
        List<NodeInfo> contacts = live;
        if (cl != ConsistencyLevel.EACH_QUORUM) {
            List<NodeInfo> nearestFirst = new ArrayList<>(cl.isDatacenterLocal() ? inDc(live, view.localDatacenter()) : live);
            nearestFirst.sort(Comparator.comparingInt(n -> distance(view, n)));
            contacts = nearestFirst.subList(0, blockFor);
        }
        return new ReplicaPlan(cl, natural, live, contacts, blockFor);
    }

    /** The answers needed; throws UNAVAILABLE if fewer replicas than that are alive where they must be. */
    static int checkAvailable(ClusterView view, KeyspaceMetadata ks, ConsistencyLevel cl, List<NodeInfo> live) {
        Map<String, Integer> rfByDc = ks.replicationByDatacenter(view.localDatacenter());
        if (cl == ConsistencyLevel.EACH_QUORUM) {
            int total = 0;
            for (Map.Entry<String, Integer> e : cl.blockForEachDatacenter(rfByDc).entrySet()) {
                int alive = inDc(live, e.getKey()).size();
                if (alive < e.getValue()) {
                    throw RequestException.unavailable(cl, e.getValue(), alive);
                }
                total += e.getValue();
            }
            return total;
        }
        int blockFor = cl.blockFor(rfByDc, view.localDatacenter());
        int alive = cl.isDatacenterLocal() ? inDc(live, view.localDatacenter()).size() : live.size();
        if (alive < blockFor || blockFor == 0) {
            // blockFor 0 is LOCAL_QUORUM where the local datacenter has no replicas: never achievable.
            throw RequestException.unavailable(cl, Math.max(blockFor, 1), alive);
        }
        return blockFor;
    }

    private static List<NodeInfo> live(ClusterView view, List<NodeInfo> natural) {
        List<NodeInfo> out = new ArrayList<>(natural.size());
        for (NodeInfo n : natural) {
            if (view.isAlive(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<NodeInfo> inDc(List<NodeInfo> nodes, String dc) {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeInfo n : nodes) {
            if (n.datacenter().equals(dc)) {
                out.add(n);
            }
        }
        return out;
    }

    /** 0 this node, 1 same rack, 2 same datacenter, 3 elsewhere: reads go to the nearest replicas. */
    private static int distance(ClusterView view, NodeInfo n) {
        NodeInfo self = view.localNode();
        if (view.isLocal(n)) {
            return 0;
        }
        if (!n.datacenter().equals(self.datacenter())) {
            return 3;
        }
        return n.rack().equals(self.rack()) ? 1 : 2;
    }
}
