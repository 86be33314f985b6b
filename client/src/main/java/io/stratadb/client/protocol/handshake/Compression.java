package io.stratadb.client.protocol.handshake;

/** Body compression algorithms, named as they appear in the handshake options. */
public enum Compression {
    NONE("none"),
    LZ4("lz4");

    private final String wireName;

    Compression(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The algorithm with this name, or {@code null} for a name this build does not know. */
    public static Compression fromWireName(String name) {
        for (Compression c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
