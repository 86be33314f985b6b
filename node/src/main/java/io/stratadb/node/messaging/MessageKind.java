package io.stratadb.node.messaging;

/** The low two bits of a frame's flags byte. */
enum MessageKind {
    ONE_WAY(0),
    REQUEST(1),
    RESPONSE(2);

    static final int MASK = 0x03;

    private final int flag;

    MessageKind(int flag) {
        this.flag = flag;
    }

    int flag() {
        return flag;
    }

    /** Null for bits that are not a kind (3), so the caller can report the frame as malformed. */
    static MessageKind fromFlags(int flags) {
        switch (flags & MASK) {
            case 0: return ONE_WAY;
            case 1: return REQUEST;
            case 2: return RESPONSE;
            default: return null;
        }
    }
}
