package io.stratadb.gossip.state;

/** The phases of a node's ring membership, carried in {@link ApplicationState#STATUS}. */
public enum NodeStatus {
    /** Bootstrapping: receives writes for its future ranges, owns nothing yet. */
    JOINING,
    /** Owns its tokens and serves reads and writes. */
    NORMAL,
    /** Streaming its ranges away before leaving. */
    LEAVING,
    /** Gone for good; its state is dropped once the expiry in the status value passes. */
    LEFT,
    /** Stopped on purpose; still owns its tokens and is expected back. */
    SHUTDOWN;

    /**
     * A node in a dead state is never marked alive by a stale heartbeat: LEFT nodes are gone and
     * SHUTDOWN nodes said so themselves, which is better evidence than a late gossip message.
     */
    public boolean isDeadState() {
        return this == LEFT || this == SHUTDOWN;
    }
}
