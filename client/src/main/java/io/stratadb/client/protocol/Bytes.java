package io.stratadb.client.protocol;

import java.util.Arrays;

/**
 * An immutable byte string: keys, values and paging keys. Messages are records, and a record holding a
 * {@code byte[]} would compare by identity; this gives content equality and unsigned ordering.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int TO_STRING_MAX = 32;

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes copyOf(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /**
     * Takes ownership of {@code data} without copying; the caller must never modify it afterwards.
     * Decoders use this for the array they just filled.
     */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    public static Bytes ofUtf8(String s) {
        return wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public int length() {
        return data.length;
    }

    public byte get(int index) {
        return data[index];
    }

    public byte[] toArray() {
        return data.clone();
    }

    /** The backing array without a copy, for hashing and writing; must not be modified. */
    public byte[] unsafeArray() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        int n = Math.min(data.length, TO_STRING_MAX);
        StringBuilder sb = new StringBuilder(2 * n + 16).append("0x");
        for (int i = 0; i < n; i++) {
            sb.append(HEX[(data[i] >> 4) & 0xF]).append(HEX[data[i] & 0xF]);
        }
        if (n < data.length) {
            sb.append("...(").append(data.length).append(" bytes)");
        }
        return sb.toString();
    }
}
