package io.stratadb.gossip.state;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;

/**
 * A node's internode address: host plus port. It is the node's identity in gossip, so two nodes on
 * one machine (tests run several on 127.0.0.1) differ only by port. The host is kept as written
 * (IP literal or name) and never resolved here: resolution belongs to the messaging layer, and
 * resolving would make identity depend on DNS.
 */
public record Endpoint(String host, int port) implements Comparable<Endpoint> {

    /** Host names longer than this cannot be encoded (one length byte on the wire). */
    public static final int MAX_HOST_BYTES = 255;

    private static final Comparator<Endpoint> ORDER =
            Comparator.comparing(Endpoint::host).thenComparingInt(Endpoint::port);

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (host.getBytes(StandardCharsets.UTF_8).length > MAX_HOST_BYTES) {
            throw new IllegalArgumentException("host longer than " + MAX_HOST_BYTES + " bytes");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("host contains whitespace or control characters: " + host);
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port);
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}, the form used in config files and logs. */
    public static Endpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected [host]:port, got " + text);
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("expected host:port, got " + text);
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        try {
            return new Endpoint(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in " + text, e);
        }
    }

    @Override
    public int compareTo(Endpoint other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
