package io.stratadb.storage.engine;

import io.stratadb.storage.Clock;
import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.compaction.CompactionPlan;
import io.stratadb.storage.compaction.CompactionStrategy;
import io.stratadb.storage.compaction.LeveledStrategy;
import io.stratadb.storage.compaction.SizeTieredStrategy;
import io.stratadb.storage.compaction.Throttle;
import io.stratadb.storage.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Schedules compactions in the background: at most one per table at a time (which is what keeps
 * leveled files non-overlapping and makes a plan's view of the table stable), several tables in
 * parallel up to {@code compactionThreads}, all sharing one throughput {@link Throttle}.
 */
final class Compactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Compactions.class);

    private final StorageConfig config;
    private final Clock clock;
    private final SSTableTracker tracker;
    private final SSTableFiles files;
    private final EngineMetrics metrics;
    private final ExecutorService executor;
    private final Throttle throttle;
    private final Map<String, CompactionStrategy> strategies = new ConcurrentHashMap<>();
    private final Set<String> busy = new HashSet<>();
    private boolean closed;
    private volatile boolean stopping;

    Compactions(StorageConfig config, Clock clock, SSTableTracker tracker, SSTableFiles files, EngineMetrics metrics,
                ThreadFactory threads) {
        this.config = config;
        this.clock = clock;
        this.tracker = tracker;
        this.files = files;
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(config.compactionThreads(), threads);
        this.throttle = new Throttle(clock, (long) config.compactionThroughputMiBPerSec() << 20);
    }

    private CompactionStrategy strategy(String table) {
        return strategies.computeIfAbsent(table, t -> config.compactionStrategy() == CompactionStrategyKind.LEVELED
                ? new LeveledStrategy(config.leveledSSTableSize())
                : new SizeTieredStrategy(4, 32, 0.5, 1.5, config.sizeTieredMinSSTableSize()));
    }

    private List<LiveSSTable> live(String table) {
        List<LiveSSTable> live = new ArrayList<>();
        for (SSTableReader r : tracker.view().sstables(table)) {
            live.add(new LiveSSTable(r, tracker.level(r)));
        }
        return live;
    }

    /** Starts a background compaction for every idle table whose strategy has one due. */
    void maybeSchedule() {
        for (String table : tracker.view().allSSTables().keySet()) {
            if (!tryClaim(table)) {
                continue;
            }
            CompactionPlan plan;
            try {
                plan = strategy(table).next(live(table));
            } catch (RuntimeException e) {
                release(table);
                throw e;
            }
            if (plan == null) {
                release(table);
                continue;
            }
            try {
                executor.execute(() -> {
                    try {
                        execute(table, plan);
                    } catch (RuntimeException | IOException e) {
                        if (!stopping) {
                            log.error("Compaction of {} failed", table, e);
                        }
                    } finally {
                        release(table);
                    }
                    if (!stopping) {
                        maybeSchedule();
                    }
                });
            } catch (RejectedExecutionException e) {
                release(table); // closing
            }
        }
    }

    /** Runs every due compaction in the caller's thread until no strategy has one left. */
    void compactUntilIdle() {
        for (String table : tracker.view().allSSTables().keySet()) {
            runExclusively(table, t -> strategy(t).next(live(t)), true);
        }
    }

    /** Merges all of a table's SSTables (strategy-specific shape) in the caller's thread. */
    void major(String table) {
        runExclusively(table, t -> strategy(t).major(live(t)), false);
    }

    private void runExclusively(String table, Function<String, CompactionPlan> planner, boolean repeat) {
        claim(table);
        try {
            CompactionPlan plan;
            while ((plan = planner.apply(table)) != null) {
                execute(table, plan);
                if (!repeat) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new StorageException("compaction of " + table + " failed", e);
        } finally {
            release(table);
        }
    }

    private void execute(String table, CompactionPlan plan) throws IOException {
        CompactionTask task = new CompactionTask(table, plan, files, tracker, throttle,
                clock.currentTimeSeconds(), config.gcGraceSeconds(), metrics, () -> stopping);
        try {
            task.run();
        } catch (CorruptionException e) {
            for (SSTableReader r : tracker.view().sstables(table)) {
                if (r.path().equals(e.file())) {
                    tracker.quarantine(table, r, e);
                }
            }
            throw e;
        }
    }

    /** Stops background compactions of a table (waiting for a running one) until {@link #resume}. */
    void pause(String table) {
        claim(table);
    }

    void resume(String table) {
        release(table);
    }

    int pending() {
        int n = 0;
        for (String table : tracker.view().allSSTables().keySet()) {
            n += strategy(table).estimatedPending(live(table));
        }
        return n;
    }

    private synchronized boolean tryClaim(String table) {
        if (closed || busy.contains(table)) {
            return false;
        }
        busy.add(table);
        return true;
    }

    private synchronized void claim(String table) {
        while (busy.contains(table)) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted waiting for a compaction of " + table, e);
            }
        }
        busy.add(table);
    }

    private synchronized void release(String table) {
        busy.remove(table);
        notifyAll();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
                log.warn("Compactions did not stop within 5 minutes");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
