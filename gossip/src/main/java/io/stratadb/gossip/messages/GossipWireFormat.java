package io.stratadb.gossip.messages;

/**
 * Constants of the byte layout described in {@code docs/gossip.md}. The limits bound what a decoder
 * will allocate; they are far above any real cluster (a 1000-node cluster with 256 tokens each sends
 * ACKs of a few MiB at most) so only corrupt or hostile input hits them.
 */
public final class GossipWireFormat {

    /** Second byte of a message: which of the three messages follows. */
    public static final int KIND_SYN = 1;
    public static final int KIND_ACK = 2;
    public static final int KIND_ACK2 = 3;

    /** Largest encoded message accepted or produced. */
    public static final int MAX_MESSAGE_BYTES = 32 << 20;
    /** Most digests, or most endpoint states, in one message. */
    public static final int MAX_ENDPOINTS = 10_000;
    /** Longest cluster name in UTF-8 bytes (one length byte). */
    public static final int MAX_CLUSTER_NAME_BYTES = 255;
    /** Most application states per endpoint (one count byte). */
    public static final int MAX_STATES_PER_ENDPOINT = 255;
    /** Longest application-state value in UTF-8 bytes. */
    public static final int MAX_VALUE_BYTES = 1 << 20;

    /** Smallest possible encodings, used to reject counts the remaining bytes cannot hold. */
    static final int MIN_ENDPOINT_BYTES = 1 + 1 + 2;
    static final int MIN_DIGEST_BYTES = MIN_ENDPOINT_BYTES + 8 + 4;
    static final int MIN_STATE_BYTES = MIN_ENDPOINT_BYTES + 8 + 4 + 1;

    private GossipWireFormat() {
    }
}
