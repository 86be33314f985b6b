package io.stratadb.storage.compaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups SSTables of similar size into buckets and merges a bucket once it holds
 * {@code minThreshold} files (Cassandra's STCS). Cheap on writes: each byte is rewritten about
 * log_4(total/flush size) times. Files below {@code smallFileBytes} all share one bucket so a trickle
 * of tiny flushes does not pile up.
 */
public final class SizeTieredStrategy implements CompactionStrategy {

    private final int minThreshold;
    private final int maxThreshold;
    private final double bucketLow;
    private final double bucketHigh;
    private final long smallFileBytes;

    public SizeTieredStrategy() {
        this(4, 32, 0.5, 1.5, 50L << 20);
    }

    public SizeTieredStrategy(int minThreshold, int maxThreshold, double bucketLow, double bucketHigh, long smallFileBytes) {
        if (minThreshold < 2 || maxThreshold < minThreshold) {
            throw new IllegalArgumentException("need 2 <= minThreshold <= maxThreshold");
        }
        this.minThreshold = minThreshold;
        this.maxThreshold = maxThreshold;
        this.bucketLow = bucketLow;
        this.bucketHigh = bucketHigh;
        this.smallFileBytes = smallFileBytes;
    }

    @Override
    public CompactionPlan next(List<? extends CompactionCandidate> live) {
        List<CompactionCandidate> best = null;
        double bestAverage = Double.MAX_VALUE;
        for (List<CompactionCandidate> bucket : buckets(live)) {
            if (bucket.size() < minThreshold) {
                continue;
            }
            // Prefer the bucket of smallest files: merging them is cheapest and cuts the file count most.
            double avg = average(bucket);
            if (avg < bestAverage) {
                bestAverage = avg;
                best = bucket;
            }
        }
        if (best == null) {
            return null;
        }
        best.sort(Comparator.comparingLong(CompactionCandidate::sizeOnDisk));
        return new CompactionPlan(best.subList(0, Math.min(maxThreshold, best.size())), 0, Long.MAX_VALUE);
    }

    @Override
    public CompactionPlan major(List<? extends CompactionCandidate> live) {
        if (live.isEmpty()) {
            return null;
        }
        return new CompactionPlan(live, 0, Long.MAX_VALUE);
    }

    @Override
    public int estimatedPending(List<? extends CompactionCandidate> live) {
        int pending = 0;
        for (List<CompactionCandidate> bucket : buckets(live)) {
            if (bucket.size() >= minThreshold) {
                pending += (bucket.size() + maxThreshold - 1) / maxThreshold;
            }
        }
        return pending;
    }

    /** Buckets by size: a file joins a bucket if its size is within [low, high] times the bucket's average. */
    List<List<CompactionCandidate>> buckets(List<? extends CompactionCandidate> live) {
        List<CompactionCandidate> sorted = new ArrayList<>(live);
        sorted.sort(Comparator.comparingLong(CompactionCandidate::sizeOnDisk));
        List<List<CompactionCandidate>> buckets = new ArrayList<>();
        List<CompactionCandidate> current = null;
        double avg = 0;
        for (CompactionCandidate c : sorted) {
            long size = c.sizeOnDisk();
            boolean fits = current != null
                    && ((size >= avg * bucketLow && size <= avg * bucketHigh)
                        || (size < smallFileBytes && avg < smallFileBytes));
            if (!fits) {
                current = new ArrayList<>();
                buckets.add(current);
                avg = 0;
            }
            current.add(c);
            avg = average(current);
        }
        return buckets;
    }

    private static double average(List<CompactionCandidate> bucket) {
        long total = 0;
        for (CompactionCandidate c : bucket) {
            total += c.sizeOnDisk();
        }
        return bucket.isEmpty() ? 0 : (double) total / bucket.size();
    }
}
