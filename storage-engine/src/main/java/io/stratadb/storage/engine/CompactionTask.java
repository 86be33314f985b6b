package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.compaction.CompactionCandidate;
import io.stratadb.storage.compaction.CompactionPlan;
import io.stratadb.storage.compaction.Throttle;
import io.stratadb.storage.merge.CellIterator;
import io.stratadb.storage.merge.MergingCellIterator;
import io.stratadb.storage.sstable.SSTableReader;
import io.stratadb.storage.sstable.SSTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@link CompactionPlan}: merges the inputs, turns expired values into tombstones, drops
 * tombstones the {@link TombstonePurger} allows, writes the outputs (split at the plan's size), and
 * swaps inputs for outputs in one manifest change. Until that change a crash leaves the inputs live
 * and the partial outputs as orphans that the next start deletes.
 */
final class CompactionTask {

    private static final Logger log = LoggerFactory.getLogger(CompactionTask.class);
    /** How many bytes of input pass between throttle checks. */
    private static final long THROTTLE_CHUNK = 256 << 10;

    private final String table;
    private final CompactionPlan plan;
    private final SSTableFiles files;
    private final SSTableTracker tracker;
    private final Throttle throttle;
    private final long nowSeconds;
    private final int gcGraceSeconds;
    private final EngineMetrics metrics;
    private final BooleanSupplier stopping;

    CompactionTask(String table, CompactionPlan plan, SSTableFiles files, SSTableTracker tracker, Throttle throttle,
                   long nowSeconds, int gcGraceSeconds, EngineMetrics metrics, BooleanSupplier stopping) {
        this.stopping = stopping;
        this.table = table;
        this.plan = plan;
        this.files = files;
        this.tracker = tracker;
        this.throttle = throttle;
        this.nowSeconds = nowSeconds;
        this.gcGraceSeconds = gcGraceSeconds;
        this.metrics = metrics;
    }

    void run() throws IOException {
        List<SSTableReader> inputs = new ArrayList<>();
        long inputBytes = 0;
        for (CompactionCandidate c : plan.inputs()) {
            inputs.add(((LiveSSTable) c).reader());
            inputBytes += c.sizeOnDisk();
        }
        EngineView view = tracker.view();
        List<SSTableReader> others = new ArrayList<>(view.sstables(table));
        others.removeAll(inputs);
        List<SSTableReader> held = ReadPath.refAll(inputs);
        if (held == null) {
            return; // an input went away (dropped table): nothing to do
        }
        List<SSTableReader> heldOthers = ReadPath.refAll(others);
        if (heldOthers == null) {
            held.forEach(SSTableReader::release);
            return; // the live set changed under us; the scheduler will plan again
        }
        TombstonePurger purger = new TombstonePurger(table, nowSeconds, gcGraceSeconds, heldOthers,
                view.memtables(), tracker);
        Map<SSTableReader, Integer> outputs = new LinkedHashMap<>();
        long expectedKeys = 0;
        for (SSTableReader r : inputs) {
            expectedKeys += r.stats().keyCount();
        }
        long keysIn = 0;
        long keysOut = 0;
        long purged = 0;
        SSTableFiles.NewSSTable out = null;
        try {
            List<CellIterator> sources = new ArrayList<>();
            for (SSTableReader r : inputs) {
                sources.add(new ScannerCellIterator(r.scanner(null, false)));
            }
            long bytesSinceThrottle = 0;
            try (MergingCellIterator merged = new MergingCellIterator(sources)) {
                while (merged.advance()) {
                    keysIn++;
                    byte[] key = merged.key();
                    Cell cell = merged.cell().expireIfDue(nowSeconds);
                    long approx = key.length + cell.value().length + 16L;
                    bytesSinceThrottle += approx;
                    if (bytesSinceThrottle >= THROTTLE_CHUNK) {
                        if (stopping.getAsBoolean()) {
                            throw new StorageException("compaction of " + table + " abandoned: engine closing");
                        }
                        throttle.acquire(bytesSinceThrottle);
                        bytesSinceThrottle = 0;
                    }
                    if (cell.isTombstone() && purger.canPurge(key, cell)) {
                        purged++;
                        continue;
                    }
                    if (out == null) {
                        out = files.create(table, Math.min(expectedKeys, estimateKeysPerOutput(expectedKeys, inputs)));
                    }
                    out.writer().append(key, cell);
                    keysOut++;
                    if (out.writer().bytesWritten() >= plan.maxOutputBytes()) {
                        outputs.put(finish(out), plan.outputLevel());
                        out = null;
                    }
                }
            }
            if (out != null) {
                outputs.put(finish(out), plan.outputLevel());
                out = null;
            }
            tracker.replace(table, inputs, outputs);
            metrics.bytesCompacted.mark(inputBytes);
            metrics.compactionsCompleted.inc();
            log.debug("Compacted {} files of {} ({} bytes, {} keys) into {} files at level {}: {} keys, {} tombstones purged",
                    inputs.size(), table, inputBytes, keysIn, outputs.size(), plan.outputLevel(), keysOut, purged);
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                out.writer().close();
            }
            outputs.keySet().forEach(SSTableTracker::retire);
            throw e;
        } finally {
            held.forEach(SSTableReader::release);
            heldOthers.forEach(SSTableReader::release);
        }
    }

    private long estimateKeysPerOutput(long expectedKeys, List<SSTableReader> inputs) {
        if (plan.maxOutputBytes() == Long.MAX_VALUE) {
            return expectedKeys;
        }
        long bytes = 0;
        for (SSTableReader r : inputs) {
            bytes += r.sizeOnDisk();
        }
        if (bytes == 0) {
            return expectedKeys;
        }
        double keysPerByte = (double) expectedKeys / bytes;
        return Math.max(1, (long) (keysPerByte * plan.maxOutputBytes() * 1.1));
    }

    private SSTableReader finish(SSTableFiles.NewSSTable out) throws IOException {
        try (SSTableWriter w = out.writer()) {
            w.finish();
        }
        return files.open(out.path(), out.generation());
    }
}
