package io.stratadb.gossip.state;

/**
 * The keys a node announces about itself. Each has a wire id that is fixed forever: ids are never
 * reused or renumbered, because a node in a mixed-version cluster must read the same key the sender
 * meant. A receiver skips ids it does not know (see {@code docs/gossip.md}), so adding a key does not
 * need a new message version.
 */
public enum ApplicationState {
    /** Ring membership phase, see {@link StatusValue}. */
    STATUS(1),
    /** The node's tokens, in the ring layer's own text form. */
    TOKENS(2),
    /** Address clients connect to (may differ from the internode endpoint). */
    CLIENT_ADDRESS(3),
    DATACENTER(4),
    RACK(5),
    /** Bytes on disk, for load-aware decisions and the admin view. */
    LOAD(6),
    /** Lets nodes notice a schema disagreement and pull the newer schema. */
    SCHEMA_VERSION(7),
    /** Stable identity across address changes. */
    HOST_ID(8),
    RELEASE_VERSION(9);

    private static final ApplicationState[] BY_ID = indexById();

    private final int wireId;

    ApplicationState(int wireId) {
        this.wireId = wireId;
    }

    /** The byte that stands for this key on the wire (1..255). */
    public int wireId() {
        return wireId;
    }

    /** The key with this wire id, or {@code null} if this release does not know it. */
    public static ApplicationState fromWireId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    private static ApplicationState[] indexById() {
        ApplicationState[] byId = new ApplicationState[256];
        for (ApplicationState s : values()) {
            if (byId[s.wireId] != null) {
                throw new AssertionError("duplicate wire id " + s.wireId);
            }
            byId[s.wireId] = s;
        }
        return byId;
    }
}
