package io.stratadb.gossip.state;

/**
 * Proof of life of one incarnation of a node. The generation is the node's start time in seconds,
 * so a restarted node always outranks its previous incarnation; the version is bumped every gossip
 * round, so peers see it grow while the node runs.
 */
public record HeartbeatState(long generation, int version) {

    public HeartbeatState {
        if (generation < 0) {
            throw new IllegalArgumentException("negative generation " + generation);
        }
        if (version < 0) {
            throw new IllegalArgumentException("negative version " + version);
        }
    }

    /**
     * The generation for a node starting now. It is strictly above the previous one even if the
     * wall clock went backwards or the node restarted within the same second; without that, peers
     * would treat the new incarnation as the old one and ignore its low versions. The caller
     * persists the result and passes it back as {@code previousGeneration} next time.
     */
    public static long newGeneration(long wallMillis, long previousGeneration) {
        return Math.max(wallMillis / 1000L, previousGeneration + 1);
    }

    public HeartbeatState withVersion(int newVersion) {
        return new HeartbeatState(generation, newVersion);
    }

    /** True if this is a later incarnation, or the same incarnation seen later. */
    public boolean isNewerThan(HeartbeatState other) {
        return generation != other.generation ? generation > other.generation : version > other.version;
    }
}
