package io.stratadb.client.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many replicas must answer before a request succeeds. Byte codes are stable (docs/protocol.md).
 *
 * <p>The arithmetic here is what a coordinator needs to decide UNAVAILABLE up front and to count
 * answers; whether a level is allowed for a given operation is {@link #isValidForRead()} /
 * {@link #isValidForWrite()}.
 */
public enum ConsistencyLevel {
    /** A write succeeds once stored anywhere, even only as a hint. Not valid for reads. */
    ANY(0x00),
    ONE(0x01),
    TWO(0x02),
    THREE(0x03),
    /** A majority of all replicas, over every datacenter. */
    QUORUM(0x04),
    ALL(0x05),
    /** One replica in the coordinator's datacenter. */
    LOCAL_ONE(0x06),
    /** A majority of the replicas in the coordinator's datacenter. */
    LOCAL_QUORUM(0x07),
    /** A majority in every datacenter that has replicas. */
    EACH_QUORUM(0x08),
    /** Paxos over a majority of all replicas; only for compare-and-set and serial reads. */
    SERIAL(0x09),
    /** Paxos over a majority of the coordinator's datacenter. */
    LOCAL_SERIAL(0x0A);

    private static final ConsistencyLevel[] BY_CODE = new ConsistencyLevel[0x0B];

    static {
        for (ConsistencyLevel cl : values()) {
            BY_CODE[cl.code] = cl;
        }
    }

    private final int code;

    ConsistencyLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the level with this byte code, or {@code null} if unknown. */
    public static ConsistencyLevel fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isSerial() {
        return this == SERIAL || this == LOCAL_SERIAL;
    }

    /** True for the levels counted only in the coordinator's datacenter. */
    public boolean isDatacenterLocal() {
        return this == LOCAL_ONE || this == LOCAL_QUORUM || this == LOCAL_SERIAL;
    }

    /** True for the levels whose requirement depends on the per-datacenter replication factors. */
    public boolean needsDatacenterFactors() {
        return isDatacenterLocal() || this == EACH_QUORUM;
    }

    /** ANY can only be met by a write (a hint is not readable). */
    public boolean isValidForRead() {
        return this != ANY;
    }

    /** Serial levels are for Paxos; a plain write at SERIAL has no defined meaning. */
    public boolean isValidForWrite() {
        return !isSerial();
    }

    public static int quorumFor(int replicationFactor) {
        return replicationFactor / 2 + 1;
    }

    /**
     * Replica answers needed for a level that ignores datacenters, given the keyspace's total replication
     * factor. ANY needs one acknowledgement (a hint counts). The result may exceed {@code replicationFactor}
     * (TWO with RF 1): such a request can never succeed and the coordinator answers UNAVAILABLE.
     *
     * @throws IllegalStateException for LOCAL_* and EACH_QUORUM; use the per-datacenter methods
     */
    public int blockFor(int replicationFactor) {
        if (replicationFactor < 0) {
            throw new IllegalArgumentException("negative replication factor " + replicationFactor);
        }
        return switch (this) {
            case ANY, ONE -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case QUORUM, SERIAL -> quorumFor(replicationFactor);
            case ALL -> replicationFactor;
            case LOCAL_ONE, LOCAL_QUORUM, LOCAL_SERIAL, EACH_QUORUM ->
                    throw new IllegalStateException(this + " depends on per-datacenter replication factors");
        };
    }

    /**
     * Total answers needed, for any level, given each datacenter's replication factor and the
     * coordinator's datacenter. Datacenter-free levels use the sum of the factors; EACH_QUORUM is the sum of
     * the per-datacenter quorums (each must also be met separately: {@link #blockForEachDatacenter}).
     */
    public int blockFor(Map<String, Integer> replicationByDatacenter, String localDatacenter) {
        return switch (this) {
            case LOCAL_ONE -> 1;
            case LOCAL_QUORUM, LOCAL_SERIAL -> quorumFor(replicationByDatacenter.getOrDefault(localDatacenter, 0));
            case EACH_QUORUM -> blockForEachDatacenter(replicationByDatacenter).values().stream()
                    .mapToInt(Integer::intValue).sum();
            default -> blockFor(total(replicationByDatacenter));
        };
    }

    /**
     * Answers needed in each datacenter: for EACH_QUORUM every datacenter with a non-zero factor needs its
     * own quorum. Only meaningful for EACH_QUORUM.
     */
    public Map<String, Integer> blockForEachDatacenter(Map<String, Integer> replicationByDatacenter) {
        if (this != EACH_QUORUM) {
            throw new IllegalStateException("per-datacenter requirements only exist for EACH_QUORUM, not " + this);
        }
        Map<String, Integer> needed = new LinkedHashMap<>();
        replicationByDatacenter.forEach((dc, rf) -> {
            if (rf > 0) {
                needed.put(dc, quorumFor(rf));
            }
        });
        return needed;
    }

    private static int total(Map<String, Integer> replicationByDatacenter) {
        return replicationByDatacenter.values().stream().mapToInt(Integer::intValue).sum();
    }
}
