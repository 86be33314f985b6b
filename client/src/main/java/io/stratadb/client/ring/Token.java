package io.stratadb.client.ring;

/**
 * A position on the ring: a signed 64-bit value, ordered as a signed long. {@link Long#MIN_VALUE} is the
 * ring's start; the partitioner never maps a key to it.
 */
public record Token(long value) implements Comparable<Token> {
    public static final Token MINIMUM = new Token(Long.MIN_VALUE);

    @Override
    public int compareTo(Token o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
