package io.stratadb.client.connection;

import java.time.Duration;
import java.util.Objects;

/**
 * What every connection of one client is opened with.
 *
 * @param clientName sent in HELLO for the server's logs
 * @param compression offer LZ4 in the handshake (the server decides)
 * @param maxBodyBytes the largest frame body accepted from the server, compressed or not
 * @param connectTimeout for the TCP connect and, again, for the handshake
 * @param maxRequestsPerConnection requests in flight per connection, orphans included
 * @param maxOrphans timed-out requests still holding stream ids beyond which the connection is replaced
 */
public record ConnectionSettings(String clientName, boolean compression, int maxBodyBytes, Duration connectTimeout,
                                 int maxRequestsPerConnection, int maxOrphans) {
    /**
     * Below the 65,535 stream ids so that a connection full of live requests still has ids for the orphans
     * it keeps until they are answered or the connection is replaced.
     */
    public static final int MAX_REQUESTS_PER_CONNECTION = 32_768;

    public ConnectionSettings {
        Objects.requireNonNull(clientName, "clientName");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes too small: " + maxBodyBytes);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxRequestsPerConnection < 1 || maxRequestsPerConnection > MAX_REQUESTS_PER_CONNECTION) {
            throw new IllegalArgumentException("maxRequestsPerConnection must be 1 to " + MAX_REQUESTS_PER_CONNECTION
                    + ", not " + maxRequestsPerConnection);
        }
        if (maxOrphans < 0) {
            throw new IllegalArgumentException("negative maxOrphans " + maxOrphans);
        }
    }

    /** A quarter of the in-flight bound: enough to ride out a slow spell, few enough to notice a stuck server. */
    public static int defaultMaxOrphans(int maxRequestsPerConnection) {
        return Math.max(1, maxRequestsPerConnection / 4);
    }
}
