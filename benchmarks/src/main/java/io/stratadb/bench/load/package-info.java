/**
 * The load generator behind {@code bin/strata-bench}: YCSB-style workloads (A-F, write, read) and
 * compare-and-set workloads ({@code cas}, {@code cas-hot}) driven against a {@link
 * io.stratadb.bench.load.KvTarget} at a closed loop or a fixed rate, with latency histograms, error and
 * outcome counts per operation. The target is an interface so the generator's own logic is tested
 * without a database.
 */
package io.stratadb.bench.load;
