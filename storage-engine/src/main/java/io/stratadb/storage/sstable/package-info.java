/**
 * The SSTable: one immutable, sorted, checksummed file per flush or compaction output.
 * {@link io.stratadb.storage.sstable.SSTableWriter} builds one, {@link io.stratadb.storage.sstable.SSTableReader}
 * answers point reads and scans from it. The byte layout is specified in {@code docs/sstable-format.md};
 * {@link io.stratadb.storage.sstable.SSTableFormat} holds its constants.
 */
package io.stratadb.storage.sstable;
