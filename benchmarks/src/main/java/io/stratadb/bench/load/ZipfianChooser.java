package io.stratadb.bench.load;

import java.util.SplittableRandom;

/**
 * Zipfian ranks over {@code [0, items)} with skew {@code theta} (0.99 as in YCSB): rank 0 is the most
 * popular. Uses the rejection-free method of Gray et al., "Quickly generating billion-record synthetic
 * databases" (SIGMOD 1994): zeta(n) is computed once, then each draw costs a few arithmetic operations.
 */
final class ZipfianChooser {

    static final double THETA = 0.99;

    private final long items;
    private final double theta;
    private final double zetaN;
    private final double alpha;
    private final double eta;
    private final double zeta2;

    ZipfianChooser(long items) {
        this(items, THETA);
    }

    ZipfianChooser(long items, double theta) {
        if (items < 1) {
            throw new IllegalArgumentException("need at least one item");
        }
        this.items = items;
        this.theta = theta;
        this.zeta2 = zeta(2, theta);
        this.zetaN = zeta(items, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.eta = (1 - Math.pow(2.0 / items, 1 - theta)) / (1 - zeta2 / zetaN);
    }

    static double zeta(long n, double theta) {
        double sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += 1 / Math.pow(i, theta);
        }
        return sum;
    }

    long nextRank(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * zetaN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < 1.0 + Math.pow(0.5, theta)) {
            return Math.min(1, items - 1);
        }
        long rank = (long) (items * Math.pow(eta * u - eta + 1, alpha));
        return Math.min(rank, items - 1);
    }
}
