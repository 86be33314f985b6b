package io.stratadb.node.messaging;

import java.time.Duration;

/**
 * What the Netty transport needs from the node's config. {@code host} is both the bind address and the
 * host this node names itself by in handshakes, so it must be reachable by peers (not 0.0.0.0).
 */
public record NettyMessagingSettings(String nodeName, String host, int port, int maxPayloadBytes,
                                     int queueCapacity, int ioThreads, Duration connectTimeout,
                                     Duration minBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    public static NettyMessagingSettings defaults(String nodeName, String host, int port) {
        return new NettyMessagingSettings(nodeName, host, port, DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_QUEUE_CAPACITY, 1,
                Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public NettyMessagingSettings withMaxPayloadBytes(int bytes) {
        return new NettyMessagingSettings(nodeName, host, port, bytes, queueCapacity, ioThreads, connectTimeout,
                minBackoff, maxBackoff);
    }

    public NettyMessagingSettings withQueueCapacity(int capacity) {
        return new NettyMessagingSettings(nodeName, host, port, maxPayloadBytes, capacity, ioThreads, connectTimeout,
                minBackoff, maxBackoff);
    }

    public NettyMessagingSettings withPort(int newPort) {
        return new NettyMessagingSettings(nodeName, host, newPort, maxPayloadBytes, queueCapacity, ioThreads,
                connectTimeout, minBackoff, maxBackoff);
    }
}
