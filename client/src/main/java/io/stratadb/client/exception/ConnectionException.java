package io.stratadb.client.exception;

import java.net.InetSocketAddress;

/**
 * The connection to a node failed: it could not be opened, the handshake failed, or it closed or broke
 * while the request was on it. No server answered ERROR, so there is no error code ({@link #code()} is
 * {@code null}).
 *
 * <p>Whether the request had an effect depends on how far it got: if it was never written to the socket
 * ({@link #wasRequestSent()} false) the server cannot have seen it; if it was, the server may have
 * executed it, so the outcome is unknown, as after a timeout.
 */
public class ConnectionException extends StrataException {
    private final InetSocketAddress address;
    private final boolean requestSent;

    public ConnectionException(InetSocketAddress address, boolean requestSent, String message, Throwable cause) {
        super(message, cause);
        this.address = address;
        this.requestSent = requestSent;
    }

    /** The node the connection led to. */
    public InetSocketAddress address() {
        return address;
    }

    /** True if the request had been written to the connection before it failed. */
    public boolean wasRequestSent() {
        return requestSent;
    }

    @Override
    public boolean requestHadNoEffect() {
        return !requestSent;
    }
}
