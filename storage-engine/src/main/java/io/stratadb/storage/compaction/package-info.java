/**
 * Compaction planning: size-tiered and leveled strategies decide which SSTables to merge (pure logic
 * over {@link io.stratadb.storage.compaction.CompactionCandidate}); the engine runs the merge.
 */
package io.stratadb.storage.compaction;
