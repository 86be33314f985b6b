package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts acknowledgements the way the consistency level counts them: LOCAL_ONE and LOCAL_QUORUM count
 * only replicas of the coordinator's datacenter, EACH_QUORUM needs its quorum in every datacenter, the
 * others count any replica. Not thread-safe; the caller synchronizes.
 */
final class AckTracker {

    private final ConsistencyLevel consistency;
    private final int blockFor;
    private final String localDatacenter;
    private final Map<String, Integer> neededByDatacenter;
    private final Map<String, Integer> ackedByDatacenter = new HashMap<>();
    private int counted;

    AckTracker(ConsistencyLevel consistency, int blockFor, String localDatacenter,
               Map<String, Integer> neededByDatacenter) {
        this.consistency = consistency;
        this.blockFor = blockFor;
        this.localDatacenter = localDatacenter;
        this.neededByDatacenter = Map.copyOf(neededByDatacenter);
    }

    /** Records one acknowledgement; true if the level is met now (and was not before). */
    boolean ack(NodeInfo replica) {
        boolean before = isMet();
        if (consistency == ConsistencyLevel.EACH_QUORUM) {
            ackedByDatacenter.merge(replica.datacenter(), 1, Integer::sum);
        } else if (!consistency.isDatacenterLocal() || replica.datacenter().equals(localDatacenter)) {
            counted++;
        }
        return !before && isMet();
    }

    /** An acknowledgement that is not a replica's (a hint, for ANY). */
    boolean ackAny() {
        boolean before = isMet();
        counted++;
        return !before && isMet();
    }

    boolean isMet() {
        if (consistency == ConsistencyLevel.EACH_QUORUM) {
            for (Map.Entry<String, Integer> e : neededByDatacenter.entrySet()) {
                if (ackedByDatacenter.getOrDefault(e.getKey(), 0) < e.getValue()) {
                    return false;
                }
            }
            return true;
        }
        return counted >= blockFor;
    }

    /** Acknowledgements that count toward the level, for a TIMEOUT's "received". */
    int received() {
        if (consistency == ConsistencyLevel.EACH_QUORUM) {
            return ackedByDatacenter.values().stream().mapToInt(Integer::intValue).sum();
        }
        return counted;
    }

    static AckTracker of(ReplicaPlan plan, String localDatacenter, Map<String, Integer> replicationByDatacenter) {
        Map<String, Integer> perDc = plan.consistency() == ConsistencyLevel.EACH_QUORUM
                ? plan.consistency().blockForEachDatacenter(replicationByDatacenter) : Map.of();
        return new AckTracker(plan.consistency(), plan.blockFor(), localDatacenter, perDc);
    }
}
