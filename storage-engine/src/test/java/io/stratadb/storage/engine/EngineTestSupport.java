package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers shared by engine tests. */
final class EngineTestSupport {

    private EngineTestSupport() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static StorageEngine open(StorageConfig config, Clock clock) {
        return open(config, clock, new MetricRegistry());
    }

    static StorageEngine open(StorageConfig config, Clock clock, MetricRegistry registry) {
        FileSystem fs = new LocalFileSystem();
        return StorageEngine.open(config, fs, clock, registry);
    }

    /** The live .sst files of a table directory, sorted by name (generation). */
    static List<Path> sstables(Path dataDir, String table) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve(table))) {
            return files.filter(p -> p.toString().endsWith(".sst")).sorted().toList();
        }
    }

    static void flipBit(Path file, long offset, int bit) throws IOException {
        byte[] all = Files.readAllBytes(file);
        all[(int) offset] ^= (byte) (1 << bit);
        Files.write(file, all);
    }
}
