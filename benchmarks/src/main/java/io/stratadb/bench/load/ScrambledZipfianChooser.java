package io.stratadb.bench.load;

import java.util.SplittableRandom;

/**
 * Zipfian popularity with the hot records scattered over the key space (hashing the rank), so the
 * popular keys do not all sit next to each other in one token range or SSTable block.
 */
final class ScrambledZipfianChooser implements KeyChooser {

    private final ZipfianChooser zipf;
    private final long records;

    ScrambledZipfianChooser(long records) {
        this.records = records;
        this.zipf = new ZipfianChooser(records);
    }

    @Override
    public long next(SplittableRandom random, long insertedSoFar) {
        long rank = zipf.nextRank(random);
        long index = Math.floorMod(fnv64(rank), records);
        return insertedSoFar > 0 && index >= insertedSoFar ? index % insertedSoFar : index;
    }

    /** FNV-1a over the 8 bytes of the value: cheap, and spreads neighbouring ranks far apart. */
    static long fnv64(long value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < 8; i++) {
            hash ^= (value >>> (i * 8)) & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
