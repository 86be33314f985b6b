package io.stratadb.gossip.messages;

/**
 * Versions of the gossip message format, oldest first. A node decodes only versions it knows and
 * rejects the rest with {@link MalformedMessageException}; the messaging layer is expected to agree on
 * a version per connection before sending these payloads.
 */
public enum GossipFormatVersion {
    /** First version: header (version, kind, cluster name), digests, endpoint states. */
    V1(1);

    public static final GossipFormatVersion CURRENT = V1;

    private final int code;

    GossipFormatVersion(int code) {
        this.code = code;
    }

    /** The first byte of every message. */
    public int code() {
        return code;
    }

    public static GossipFormatVersion fromCode(int code) {
        for (GossipFormatVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new MalformedMessageException("unsupported gossip format version " + code
                + " (this node reads up to " + CURRENT.code + ")");
    }
}
