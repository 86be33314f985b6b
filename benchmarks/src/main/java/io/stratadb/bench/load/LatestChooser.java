package io.stratadb.bench.load;

import java.util.SplittableRandom;

/** Recently inserted records are the hot ones: the newest record has zipfian rank 0 (workload D). */
final class LatestChooser implements KeyChooser {

    private final ZipfianChooser zipf;

    LatestChooser(long records) {
        // Sized for the load; inserts during the run only shift which records are newest.
        this.zipf = new ZipfianChooser(Math.max(1, records));
    }

    @Override
    public long next(SplittableRandom random, long insertedSoFar) {
        long newest = Math.max(0, insertedSoFar - 1);
        long back = zipf.nextRank(random);
        return Math.max(0, newest - back);
    }
}
