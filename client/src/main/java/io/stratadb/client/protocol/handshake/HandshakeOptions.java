package io.stratadb.client.protocol.handshake;

/** Option keys of HELLO and READY (docs/protocol.md, "Handshake"). Unknown keys are ignored. */
public final class HandshakeOptions {
    /** HELLO: comma-separated algorithms in preference order; READY: the one chosen. Absent means none. */
    public static final String COMPRESSION = "compression";
    /** HELLO: free text naming the client library and version, for the server's logs. */
    public static final String CLIENT_NAME = "client_name";
    /** READY: free text naming the server build. */
    public static final String SERVER_NAME = "server_name";

    private HandshakeOptions() {
    }
}
