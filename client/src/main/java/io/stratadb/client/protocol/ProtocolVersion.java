package io.stratadb.client.protocol;

/**
 * The protocol versions this build speaks. A version fixes the meaning of every opcode and the set of
 * error codes; the 9-byte frame header and the HELLO/READY bodies are frozen across versions so that two
 * peers can always negotiate (see docs/protocol.md, "Versions").
 */
public enum ProtocolVersion {
    /** The first version: frames, handshake, GET/PUT/DELETE/MULTI_GET/SCAN, keyspaces, TOPOLOGY. */
    V1(1);

    /** The 7 low bits of header byte 0; the top bit is the response direction bit. */
    public static final int MAX_CODE = 0x7F;

    private final int code;

    ProtocolVersion(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Every handshake frame (HELLO, READY, an ERROR answering HELLO) carries this version in its header. */
    public static ProtocolVersion handshakeVersion() {
        return V1;
    }

    public static ProtocolVersion newest() {
        ProtocolVersion[] all = values();
        return all[all.length - 1];
    }

    /** Returns the version with this code, or {@code null} if this build does not speak it. */
    public static ProtocolVersion fromCode(int code) {
        for (ProtocolVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
