package io.stratadb.bench.load;

import java.util.SplittableRandom;

/**
 * Picks which record an operation touches, as an index in {@code [0, recordCount)}. Implementations
 * are not thread-safe: each worker owns one, with its own random stream.
 */
public interface KeyChooser {

    /** The next record index; {@code insertedSoFar} is the current number of records (grows with inserts). */
    long next(SplittableRandom random, long insertedSoFar);

    static KeyChooser create(KeyDistribution distribution, long recordCount) {
        return create(distribution, recordCount, BenchOptions.DEFAULT_HOT_KEYS);
    }

    /** {@code hotKeys}: how many records the HOT distribution uses (the first ones). */
    static KeyChooser create(KeyDistribution distribution, long recordCount, long hotKeys) {
        switch (distribution) {
            case HOT: return (random, inserted) -> random.nextLong(Math.max(1, Math.min(hotKeys, inserted)));
            case UNIFORM: return (random, inserted) -> random.nextLong(Math.max(1, inserted));
            case ZIPFIAN: return new ScrambledZipfianChooser(recordCount);
            case LATEST: return new LatestChooser(recordCount);
            default: throw new IllegalArgumentException("unknown distribution " + distribution);
        }
    }
}
