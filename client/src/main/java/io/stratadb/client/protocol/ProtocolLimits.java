package io.stratadb.client.protocol;

/** Size limits fixed by the wire format (docs/protocol.md, "Limits"). */
public final class ProtocolLimits {
    /** Keys and strings carry a u16 length prefix. */
    public static final int MAX_KEY_BYTES = 0xFFFF;
    public static final int MAX_STRING_BYTES = 0xFFFF;
    /**
     * Default bound on a frame body (after and before decompression). Large enough for any sane value,
     * small enough that a hostile header cannot make a peer buffer much. Configurable per decoder.
     */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    private ProtocolLimits() {
    }
}
