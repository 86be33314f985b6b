package io.stratadb.storage.engine;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.memtable.Memtable;
import io.stratadb.storage.sstable.SSTableCaches;
import io.stratadb.storage.sstable.SSTableMetrics;
import io.stratadb.storage.sstable.SSTableOptions;
import io.stratadb.storage.sstable.SSTableReader;
import io.stratadb.storage.sstable.SSTableWriter;
import io.stratadb.storage.Cell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Creates SSTable files for a table (flush and compaction outputs) and opens readers on them. */
final class SSTableFiles {

    private final FileSystem fs;
    private final SSTableTracker tracker;
    private final SSTableOptions options;
    private final SSTableCaches caches;
    private final SSTableMetrics metrics;

    SSTableFiles(FileSystem fs, SSTableTracker tracker, SSTableOptions options, SSTableCaches caches, SSTableMetrics metrics) {
        this.fs = fs;
        this.tracker = tracker;
        this.options = options;
        this.caches = caches;
        this.metrics = metrics;
    }

    /** A new, not yet live, SSTable file of {@code table} with a fresh generation. */
    NewSSTable create(String table, long expectedKeys) throws IOException {
        long generation = tracker.newGeneration();
        Path dir = tracker.tableDirectory(table);
        fs.createDirectories(dir);
        Path path = tracker.pathFor(table, generation);
        return new NewSSTable(generation, path, SSTableWriter.create(fs, path, options, Math.max(1, expectedKeys)));
    }

    /** Writes a whole memtable and opens the result (not yet live: the tracker publishes it). */
    SSTableReader write(String table, Memtable memtable) throws IOException {
        NewSSTable out = create(table, memtable.keyCount());
        try (SSTableWriter w = out.writer()) {
            Iterator<Map.Entry<byte[], Cell>> it = memtable.iterator(null);
            while (it.hasNext()) {
                Map.Entry<byte[], Cell> e = it.next();
                w.append(e.getKey(), e.getValue());
            }
            w.finish();
        }
        return open(out.path(), out.generation());
    }

    SSTableReader open(Path path, long generation) throws IOException {
        return SSTableReader.open(fs, path, generation, caches, metrics);
    }

    /** A file being written: its generation, final path and writer. */
    record NewSSTable(long generation, Path path, SSTableWriter writer) {
    }
}
