package io.stratadb.storage.sstable;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/** Builds random models and writes them as SSTables for the tests of this package. */
final class TestTables {

    private TestTables() {
    }

    static NavigableMap<byte[], Cell> newModel() {
        return new TreeMap<>(Arrays::compareUnsigned);
    }

    static byte[] randomKey(Random r, int minLength, int maxLength) {
        byte[] k = new byte[minLength + r.nextInt(maxLength - minLength + 1)];
        r.nextBytes(k);
        return k;
    }

    /** A value that is random (incompressible) or a repeated pattern (compressible). */
    static byte[] randomValue(Random r, int length) {
        byte[] v = new byte[length];
        if (r.nextBoolean()) {
            r.nextBytes(v);
        } else {
            byte[] pattern = new byte[1 + r.nextInt(8)];
            r.nextBytes(pattern);
            for (int i = 0; i < length; i++) {
                v[i] = pattern[i % pattern.length];
            }
        }
        return v;
    }

    /** A cell of any kind with a random timestamp and local deletion time. */
    static Cell randomCell(Random r, int valueLength) {
        long ts = r.nextLong() >>> 1;
        int ldt = r.nextInt(Integer.MAX_VALUE);
        switch (r.nextInt(3)) {
            case 0: return Cell.value(randomValue(r, valueLength), ts);
            case 1: return Cell.expiring(randomValue(r, valueLength), ts, ldt);
            default: return Cell.tombstone(ts, ldt);
        }
    }

    static SSTableStats write(FileSystem fs, Path path, SSTableOptions options, Map<byte[], Cell> model)
            throws IOException {
        try (SSTableWriter w = SSTableWriter.create(fs, path, options, model.size())) {
            for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                w.append(e.getKey(), e.getValue());
            }
            return w.finish();
        }
    }

    static SSTableCaches caches() {
        return new SSTableCaches(64 << 20, 16 << 20, new MetricRegistry());
    }

    static SSTableMetrics metrics() {
        return new SSTableMetrics(new MetricRegistry());
    }
}
