/**
 * JMH benchmarks of one node's storage engine: puts per sync mode, gets from memtable and SSTables,
 * scans, flush and compaction. Each class's Javadoc says what it measures and how to run it
 * ({@code bin/strata-jmh <Class>}); results and the machine they ran on go to docs/benchmarks.md.
 * The other classes here are shared fixtures (scratch directories, keys, pre-loaded stores).
 */
package io.stratadb.bench.storage;
