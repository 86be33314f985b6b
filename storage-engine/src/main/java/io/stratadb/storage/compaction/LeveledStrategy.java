package io.stratadb.storage.compaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LevelDB-style levels: level 0 holds flushed files (which may overlap); each level n >= 1 holds
 * non-overlapping files of about {@code sstableSize} and at most {@code sstableSize * fanout^n} bytes.
 * The level most over its limit is compacted into the next one, so a read touches at most one file
 * per level n >= 1.
 *
 * <p>The non-overlap invariant only holds if one compaction per table runs at a time; the engine
 * guarantees that. The per-level round-robin pointer is in-memory state, so one strategy object
 * serves one table.
 */
public final class LeveledStrategy implements CompactionStrategy {

    static final int MAX_LEVEL = 8;

    private final long sstableSize;
    private final int fanout;
    private final int level0Trigger;
    private final int maxLevel0Inputs;
    private final Map<Integer, byte[]> pointers = new HashMap<>();

    public LeveledStrategy(long sstableSize) {
        this(sstableSize, 10, 4, 32);
    }

    public LeveledStrategy(long sstableSize, int fanout, int level0Trigger, int maxLevel0Inputs) {
        this.sstableSize = sstableSize;
        this.fanout = fanout;
        this.level0Trigger = level0Trigger;
        this.maxLevel0Inputs = maxLevel0Inputs;
    }

    /** Bytes level {@code n >= 1} may hold before it is compacted down. */
    long maxBytes(int level) {
        double max = sstableSize;
        for (int i = 0; i < level; i++) {
            max *= fanout;
        }
        return (long) Math.min(max, Long.MAX_VALUE / 2.0);
    }

    @Override
    public synchronized CompactionPlan next(List<? extends CompactionCandidate> live) {
        List<List<CompactionCandidate>> levels = byLevel(live);
        int bestLevel = -1;
        double bestScore = 1.0;
        for (int level = 0; level < levels.size(); level++) {
            double score = score(level, levels.get(level));
            if (score >= bestScore && level < MAX_LEVEL) {
                bestScore = score;
                bestLevel = level;
            }
        }
        if (bestLevel < 0) {
            return null;
        }
        List<CompactionCandidate> inputs = new ArrayList<>();
        if (bestLevel == 0) {
            List<CompactionCandidate> l0 = new ArrayList<>(levels.get(0));
            l0.sort(Comparator.comparingLong(CompactionCandidate::id));
            inputs.addAll(l0.subList(0, Math.min(maxLevel0Inputs, l0.size())));
        } else {
            inputs.add(pickRoundRobin(bestLevel, levels.get(bestLevel)));
        }
        byte[][] range = range(inputs);
        if (bestLevel + 1 < levels.size()) {
            for (CompactionCandidate c : levels.get(bestLevel + 1)) {
                if (overlaps(c, range[0], range[1])) {
                    inputs.add(c);
                }
            }
        }
        return new CompactionPlan(inputs, bestLevel + 1, sstableSize);
    }

    @Override
    public CompactionPlan major(List<? extends CompactionCandidate> live) {
        if (live.isEmpty()) {
            return null;
        }
        int deepest = 1;
        for (CompactionCandidate c : live) {
            deepest = Math.max(deepest, c.level());
        }
        return new CompactionPlan(live, deepest, sstableSize);
    }

    @Override
    public int estimatedPending(List<? extends CompactionCandidate> live) {
        List<List<CompactionCandidate>> levels = byLevel(live);
        int pending = levels.get(0).size() >= level0Trigger ? 1 : 0;
        for (int level = 1; level < levels.size(); level++) {
            long excess = bytes(levels.get(level)) - maxBytes(level);
            if (excess > 0) {
                pending += (int) Math.min(Integer.MAX_VALUE / 2, (excess + sstableSize - 1) / sstableSize);
            }
        }
        return pending;
    }

    private double score(int level, List<CompactionCandidate> files) {
        if (level == 0) {
            return (double) files.size() / level0Trigger;
        }
        return (double) bytes(files) / maxBytes(level);
    }

    /** The first file after the key where the last compaction of this level stopped, wrapping around. */
    private CompactionCandidate pickRoundRobin(int level, List<CompactionCandidate> files) {
        List<CompactionCandidate> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.minKey(), b.minKey()));
        byte[] pointer = pointers.get(level);
        CompactionCandidate chosen = sorted.get(0);
        if (pointer != null) {
            for (CompactionCandidate c : sorted) {
                if (Arrays.compareUnsigned(c.minKey(), pointer) > 0) {
                    chosen = c;
                    break;
                }
            }
        }
        pointers.put(level, chosen.maxKey());
        return chosen;
    }

    private static List<List<CompactionCandidate>> byLevel(List<? extends CompactionCandidate> live) {
        List<List<CompactionCandidate>> levels = new ArrayList<>();
        levels.add(new ArrayList<>());
        for (CompactionCandidate c : live) {
            while (levels.size() <= c.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(c.level()).add(c);
        }
        return levels;
    }

    private static long bytes(List<CompactionCandidate> files) {
        long total = 0;
        for (CompactionCandidate c : files) {
            total += c.sizeOnDisk();
        }
        return total;
    }

    private static byte[][] range(List<CompactionCandidate> files) {
        byte[] min = null;
        byte[] max = null;
        for (CompactionCandidate c : files) {
            if (min == null || Arrays.compareUnsigned(c.minKey(), min) < 0) {
                min = c.minKey();
            }
            if (max == null || Arrays.compareUnsigned(c.maxKey(), max) > 0) {
                max = c.maxKey();
            }
        }
        return new byte[][] {min, max};
    }

    static boolean overlaps(CompactionCandidate c, byte[] min, byte[] max) {
        return Arrays.compareUnsigned(c.minKey(), max) <= 0 && Arrays.compareUnsigned(c.maxKey(), min) >= 0;
    }
}
