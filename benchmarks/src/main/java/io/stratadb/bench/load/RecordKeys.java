package io.stratadb.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * Record number to key, as YCSB does with hashed insert order: "user" followed by the 19-digit hash of
 * the number, so consecutive inserts land all over the key space (and the ring).
 */
final class RecordKeys {

    private RecordKeys() {
    }

    static byte[] key(long recordNumber) {
        long h = ScrambledZipfianChooser.fnv64(recordNumber) & Long.MAX_VALUE;
        return String.format("user%019d", h).getBytes(StandardCharsets.US_ASCII);
    }
}
