package io.stratadb.client.exception;

import java.net.InetSocketAddress;

/**
 * Every connection to a node already carried its maximum of requests in flight, so the client did not
 * send the request there (it fails fast rather than queueing). Nothing was sent: no effect. Usually seen
 * as one of the reasons of a {@link NoNodeAvailableException}; the cure is fewer concurrent requests, or
 * more connections or requests per connection.
 */
public class BusyConnectionException extends StrataException {
    private final InetSocketAddress address;

    public BusyConnectionException(InetSocketAddress address, int connections, int maxRequestsPerConnection) {
        super(address + " is busy: " + maxRequestsPerConnection + " requests in flight on each of its "
                + connections + " connection(s)", null);
        this.address = address;
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public boolean requestHadNoEffect() {
        return true;
    }
}
