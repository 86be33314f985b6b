package io.stratadb.bench.load;

/** How operations spread over the records. */
public enum KeyDistribution {
    /** Every record equally likely. */
    UNIFORM,
    /** A few records are hot (zipfian, constant 0.99), scattered over the key space by hashing. */
    ZIPFIAN,
    /** The most recently inserted records are hot (workload D). */
    LATEST,
    /** Only the first {@code --hot-keys} records, uniformly: a few keys everybody fights over. */
    HOT
}
