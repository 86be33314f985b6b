package io.stratadb.bench.load;

/**
 * Record number to key, as YCSB does with hashed insert order: "user" followed by the 19-digit hash of
 * the number, so consecutive inserts land all over the key space (and the ring).
 */
final class RecordKeys {

    private static final byte[] PREFIX = {'u', 's', 'e', 'r'};
    private static final int DIGITS = 19;

    private RecordKeys() {
    }

    /** Same bytes as {@code String.format("user%019d", h)}, without the formatter: the generator's CPU is the node's too. */
    static byte[] key(long recordNumber) {
        long h = ScrambledZipfianChooser.fnv64(recordNumber) & Long.MAX_VALUE;
        byte[] key = new byte[PREFIX.length + DIGITS];
        System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
        for (int i = key.length - 1; i >= PREFIX.length; i--) {
            key[i] = (byte) ('0' + (h % 10));
            h /= 10;
        }
        return key;
    }
}
