package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.memtable.Memtable;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.merge.CellIterator;
import io.stratadb.storage.merge.MemtableCellIterator;
import io.stratadb.storage.merge.MergingCellIterator;
import io.stratadb.storage.sstable.SSTableReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads merge every memtable generation and every live SSTable of the table, because write
 * timestamps come from clients and coordinators: a newer file can hold an older version. SSTables are
 * visited newest-first by their maximum timestamp so a get can stop as soon as the version it holds
 * is newer than anything a remaining file contains.
 */
final class ReadPath {

    private final SSTableTracker tracker;

    ReadPath(SSTableTracker tracker) {
        this.tracker = tracker;
    }

    /** The reconciled cell for the key, tombstones and expired cells included; null if none. */
    Cell get(String table, byte[] key) {
        while (true) {
            EngineView view = tracker.view();
            Cell result = view.current.get(table, key);
            for (MemtableGeneration g : view.flushing) {
                result = newer(result, g.get(table, key));
            }
            boolean complete = true;
            for (SSTableReader reader : view.sstables(table)) {
                if (result != null && result.timestamp() > reader.stats().maxTimestamp()) {
                    break;
                }
                if (!reader.tryRef()) {
                    complete = false; // replaced by a compaction since we took the view: start over
                    break;
                }
                try {
                    result = newer(result, reader.get(key));
                } catch (CorruptionException e) {
                    tracker.quarantine(table, reader, e);
                    throw e;
                } catch (IOException e) {
                    throw new StorageException("read of " + reader.path() + " failed", e);
                } finally {
                    reader.release();
                }
            }
            if (complete) {
                return result;
            }
        }
    }

    /**
     * As {@link #get}, but without reading any file: memtables, then each SSTable's key range, bloom
     * filter, cached index and cached block. {@link CachedRead#notCached()} as soon as one SSTable that
     * may hold a newer version than what was found would need disk I/O.
     */
    CachedRead getIfCached(String table, byte[] key) {
        while (true) {
            EngineView view = tracker.view();
            Cell result = view.current.get(table, key);
            for (MemtableGeneration g : view.flushing) {
                result = newer(result, g.get(table, key));
            }
            boolean complete = true;
            for (SSTableReader reader : view.sstables(table)) {
                if (result != null && result.timestamp() > reader.stats().maxTimestamp()) {
                    break;
                }
                if (!reader.tryRef()) {
                    complete = false; // replaced by a compaction since we took the view: start over
                    break;
                }
                Cell found;
                try {
                    found = reader.getIfCached(key);
                } finally {
                    reader.release();
                }
                if (found == SSTableReader.NOT_CACHED) {
                    return CachedRead.notCached();
                }
                result = newer(result, found);
            }
            if (complete) {
                return CachedRead.of(result);
            }
        }
    }

    /**
     * Up to {@code limit} entries with key after {@code startExclusive} (from the first key if null),
     * in key order. Dead entries (tombstones, expired values) are skipped unless
     * {@code includeDeleted}; they do not count towards the limit.
     */
    ScanResult scan(String table, byte[] startExclusive, int limit, boolean includeDeleted, long nowSeconds) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        EngineView view;
        List<SSTableReader> held;
        while (true) {
            view = tracker.view();
            held = refAll(view.sstables(table));
            if (held != null) {
                break;
            }
        }
        List<CellIterator> sources = new ArrayList<>();
        try {
            for (MemtableGeneration g : view.memtables()) {
                Memtable m = g.memtable(table);
                if (m != null) {
                    sources.add(new MemtableCellIterator(m.iterator(startExclusive)));
                }
            }
            SSTableReader current = null;
            try {
                for (SSTableReader r : held) {
                    current = r;
                    sources.add(new ScannerCellIterator(r.scanner(startExclusive, false)));
                }
                current = null;
                List<KeyCell> out = new ArrayList<>(Math.min(limit, 1024));
                try (MergingCellIterator merged = new MergingCellIterator(sources)) {
                    sources = List.of();
                    while (merged.advance()) {
                        byte[] key = merged.key();
                        if (startExclusive != null && Arrays.equals(key, startExclusive)) {
                            continue;
                        }
                        Cell cell = merged.cell();
                        if (!includeDeleted && !cell.isLive(nowSeconds)) {
                            continue;
                        }
                        if (out.size() == limit) {
                            return new ScanResult(out, out.get(out.size() - 1).key());
                        }
                        out.add(new KeyCell(key, cell));
                    }
                }
                return new ScanResult(out, null);
            } catch (CorruptionException e) {
                SSTableReader culprit = findByPath(held, e, current);
                if (culprit != null) {
                    tracker.quarantine(table, culprit, e);
                }
                throw e;
            } catch (IOException e) {
                throw new StorageException("scan of " + table + " failed", e);
            }
        } finally {
            sources.forEach(CellIterator::close);
            held.forEach(SSTableReader::release);
        }
    }

    private static SSTableReader findByPath(List<SSTableReader> readers, CorruptionException e, SSTableReader fallback) {
        for (SSTableReader r : readers) {
            if (r.path().equals(e.file())) {
                return r;
            }
        }
        return fallback;
    }

    /** References every reader, or none (returning null) if one was released meanwhile. */
    static List<SSTableReader> refAll(List<SSTableReader> readers) {
        List<SSTableReader> held = new ArrayList<>(readers.size());
        for (SSTableReader r : readers) {
            if (!r.tryRef()) {
                held.forEach(SSTableReader::release);
                return null;
            }
            held.add(r);
        }
        return held;
    }

    private static Cell newer(Cell a, Cell b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Cell.reconcile(a, b);
    }
}
