package io.stratadb.client.protocol.message.schema;

/** A node's state as the answering node sees it; u8 codes are stable. */
public enum NodeState {
    UP(0x01),
    DOWN(0x02),
    /** Bootstrapping: owns its tokens for writes only. */
    JOINING(0x03),
    /** Decommissioning: still owns its tokens until streaming finishes. */
    LEAVING(0x04);

    private final int code;

    NodeState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static NodeState fromCode(int code) {
        for (NodeState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
