package io.stratadb.gossip.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The text form of {@link ApplicationState#STATUS}: the status name, and for LEFT also the wall-clock
 * time (epoch millis) after which every node may forget the endpoint, e.g. {@code LEFT,1700000000000}.
 * The leaving node picks the expiry, so all peers evict it at about the same time instead of each
 * counting from when it happened to hear the news; a late peer then cannot gossip the endpoint back
 * into everyone's table.
 *
 * @param expireAtMillis eviction time for LEFT, {@link #NO_EXPIRY} otherwise
 */
public record StatusValue(NodeStatus status, long expireAtMillis) {

    public static final long NO_EXPIRY = -1;

    public StatusValue {
        Objects.requireNonNull(status, "status");
        if (status != NodeStatus.LEFT && expireAtMillis != NO_EXPIRY) {
            throw new IllegalArgumentException("only LEFT carries an expiry");
        }
    }

    public static StatusValue of(NodeStatus status) {
        return new StatusValue(status, NO_EXPIRY);
    }

    public static StatusValue left(long expireAtMillis) {
        if (expireAtMillis < 0) {
            throw new IllegalArgumentException("negative expiry " + expireAtMillis);
        }
        return new StatusValue(NodeStatus.LEFT, expireAtMillis);
    }

    public boolean hasExpiry() {
        return expireAtMillis != NO_EXPIRY;
    }

    /** The string announced in gossip. */
    public String encode() {
        return hasExpiry() ? status.name() + "," + expireAtMillis : status.name();
    }

    /**
     * Reads a status announced by a peer. A value this release cannot read (a newer peer's status, a
     * corrupt one) gives empty rather than an exception: the value is still stored and passed on, only
     * liveness decisions ignore it.
     */
    public static Optional<StatusValue> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int comma = text.indexOf(',');
        String name = comma < 0 ? text : text.substring(0, comma);
        NodeStatus status;
        try {
            status = NodeStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (comma < 0) {
            return Optional.of(of(status));
        }
        if (status != NodeStatus.LEFT) {
            return Optional.empty();
        }
        try {
            long expiry = Long.parseLong(text.substring(comma + 1));
            return expiry < 0 ? Optional.empty() : Optional.of(left(expiry));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
