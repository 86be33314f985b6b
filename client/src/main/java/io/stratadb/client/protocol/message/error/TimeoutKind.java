package io.stratadb.client.protocol.message.error;

/**
 * What timed out. The u8 codes 0x03..0x05 are reserved for the Paxos phases of compare-and-set
 * (prepare, propose, commit), which report different retry advice.
 */
public enum TimeoutKind {
    READ(0x01),
    WRITE(0x02);

    private final int code;

    TimeoutKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TimeoutKind fromCode(int code) {
        for (TimeoutKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
