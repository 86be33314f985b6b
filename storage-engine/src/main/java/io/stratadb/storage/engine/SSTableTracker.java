package io.stratadb.storage.engine;

import com.codahale.metrics.Counter;
import io.stratadb.storage.manifest.Manifest;
import io.stratadb.storage.manifest.ManifestFile;
import io.stratadb.storage.manifest.SSTableEntry;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Owns the live set: the durable manifest and the in-memory {@link EngineView} that mirrors it. Every
 * change (flush, compaction, quarantine, drop) goes through here under one lock, and always in the
 * same order: make the manifest durable, then publish the view, then retire what was replaced.
 */
final class SSTableTracker {

    private static final Logger log = LoggerFactory.getLogger(SSTableTracker.class);

    private final FileSystem fs;
    private final Path dataDirectory;
    private final ManifestFile manifestFile;
    private final Object lock = new Object();
    private final AtomicLong nextGeneration;
    private final Map<Long, Integer> levels = new HashMap<>();
    private final Counter quarantined;
    private Manifest manifest;
    private volatile EngineView view;

    SSTableTracker(FileSystem fs, Path dataDirectory, ManifestFile manifestFile, Manifest manifest, EngineView initial,
                   Counter quarantined) {
        this.quarantined = quarantined;
        this.fs = fs;
        this.dataDirectory = dataDirectory;
        this.manifestFile = manifestFile;
        this.manifest = manifest;
        this.view = initial;
        this.nextGeneration = new AtomicLong(manifest.nextGeneration());
        manifest.all().values().forEach(entries -> entries.forEach(e -> levels.put(e.generation(), e.level())));
    }

    EngineView view() {
        return view;
    }

    /** A generation number no other SSTable of this engine has or will have. */
    long newGeneration() {
        return nextGeneration.getAndIncrement();
    }

    Path tableDirectory(String table) {
        return dataDirectory.resolve(table);
    }

    Path pathFor(String table, long generation) {
        return tableDirectory(table).resolve(fileName(generation));
    }

    /** {@code <generation, 12 digits>.sst}: names sort by generation. */
    static String fileName(long generation) {
        return String.format("%012d.sst", generation);
    }

    int level(SSTableReader reader) {
        synchronized (lock) {
            return levels.getOrDefault(reader.id(), 0);
        }
    }

    /** Swaps the view without touching the manifest (memtable switch). */
    void updateView(UnaryOperator<EngineView> change) {
        synchronized (lock) {
            view = change.apply(view);
        }
    }

    /** A flushed generation's SSTables (all level 0) become live and the generation leaves the view. */
    void flushed(MemtableGeneration flushed, Map<String, SSTableReader> added) throws IOException {
        synchronized (lock) {
            Manifest next = manifest;
            for (Map.Entry<String, SSTableReader> e : added.entrySet()) {
                next = next.withTable(e.getKey()).withChange(e.getKey(), List.of(),
                        List.of(new SSTableEntry(e.getValue().id(), 0)));
            }
            next = next.withNextGeneration(nextGeneration.get());
            manifestFile.write(next);
            manifest = next;
            added.values().forEach(r -> levels.put(r.id(), 0));
            view = view.withFlushed(flushed, added);
        }
    }

    /**
     * Atomically replaces {@code removed} by {@code added} (with their levels) in {@code table}; the
     * removed readers are deleted once no read holds them.
     */
    void replace(String table, Collection<SSTableReader> removed, Map<SSTableReader, Integer> added) throws IOException {
        synchronized (lock) {
            List<SSTableEntry> out = new ArrayList<>();
            for (SSTableReader r : removed) {
                out.add(new SSTableEntry(r.id(), levels.getOrDefault(r.id(), 0)));
            }
            List<SSTableEntry> in = new ArrayList<>();
            added.forEach((r, level) -> in.add(new SSTableEntry(r.id(), level)));
            Manifest next = manifest.withTable(table).withChange(table, out, in)
                    .withNextGeneration(nextGeneration.get());
            manifestFile.write(next);
            manifest = next;
            removed.forEach(r -> levels.remove(r.id()));
            added.forEach((r, level) -> levels.put(r.id(), level));
            view = view.withReplaced(table, removed, added.keySet());
        }
        removed.forEach(SSTableTracker::retire);
    }

    /**
     * Takes a corrupt SSTable out of service: it leaves the manifest and the view, and its file is
     * renamed to {@code .corrupt} for inspection instead of being deleted. Returns false if it was
     * already out.
     */
    boolean quarantine(String table, SSTableReader reader, Exception cause) {
        synchronized (lock) {
            if (!view.sstables(table).contains(reader)) {
                return false;
            }
            log.error("Taking {} out of service: {}", reader.path(), cause.toString());
            quarantined.inc();
            try {
                Manifest next = manifest.withChange(table,
                        List.of(new SSTableEntry(reader.id(), levels.getOrDefault(reader.id(), 0))), List.of());
                manifestFile.write(next);
                manifest = next;
            } catch (IOException e) {
                log.error("Could not record quarantine of {} in the manifest; it is out of service until restart",
                        reader.path(), e);
            }
            levels.remove(reader.id());
            view = view.withReplaced(table, List.of(reader), List.of());
        }
        try {
            // Renaming an open file is safe on POSIX: reads in progress keep their descriptor.
            fs.rename(reader.path(), reader.path().resolveSibling(reader.path().getFileName() + ".corrupt"));
        } catch (IOException e) {
            log.error("Could not rename corrupt {}", reader.path(), e);
        }
        retire(reader);
        return true;
    }

    /** Removes a table from the manifest and the view and deletes its files once unreferenced. */
    void drop(String table) throws IOException {
        List<SSTableReader> readers;
        synchronized (lock) {
            readers = view.sstables(table);
            Manifest next = manifest.withoutTable(table);
            manifestFile.write(next);
            manifest = next;
            readers.forEach(r -> levels.remove(r.id()));
            view = view.withoutTable(table);
        }
        readers.forEach(SSTableTracker::retire);
    }

    /**
     * Drops the live set's own reference to a reader that left it; the file is deleted once the last
     * read holding it finishes.
     */
    static void retire(SSTableReader reader) {
        reader.markObsolete();
        reader.release();
    }

    /** Engine shutdown: releases the live set's references so files close (and are not deleted). */
    void closeReaders() {
        synchronized (lock) {
            view.allSSTables().values().forEach(l -> l.forEach(SSTableReader::release));
            view = view.withoutSSTables();
        }
    }
}
