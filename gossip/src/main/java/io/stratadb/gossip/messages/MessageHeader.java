package io.stratadb.gossip.messages;

/**
 * The first bytes of every gossip message: format version, message kind, cluster name. The kind is
 * redundant with the verb that carried the payload; checking it catches a payload handed to the
 * wrong codec before it is misread.
 */
final class MessageHeader {

    private MessageHeader() {
    }

    static void write(WireWriter out, int kind, String clusterName) {
        byte[] name = WireWriter.utf8(clusterName, GossipWireFormat.MAX_CLUSTER_NAME_BYTES, "cluster name");
        if (name.length == 0) {
            throw new IllegalArgumentException("empty cluster name");
        }
        out.u8(GossipFormatVersion.CURRENT.code());
        out.u8(kind);
        out.u8(name.length);
        out.bytes(name);
    }

    /** Reads the header, checks version and kind, and returns the cluster name. */
    static String read(WireReader in, int expectedKind) {
        GossipFormatVersion.fromCode(in.u8("format version"));
        int kind = in.u8("message kind");
        if (kind != expectedKind) {
            throw new MalformedMessageException("message kind " + kind + " where " + expectedKind + " was expected");
        }
        int nameLength = in.u8("cluster name length");
        if (nameLength == 0) {
            throw new MalformedMessageException("empty cluster name");
        }
        return in.utf8(nameLength, "cluster name");
    }
}
