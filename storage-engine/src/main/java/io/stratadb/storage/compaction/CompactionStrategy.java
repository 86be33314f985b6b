package io.stratadb.storage.compaction;

import java.util.List;

/** Decides which SSTables of one table to merge next. Pure: no I/O, no threads. */
public interface CompactionStrategy {

    /**
     * The next compaction worth running among {@code live} (the table's live SSTables that no running
     * compaction holds), or null if none is due.
     */
    CompactionPlan next(List<? extends CompactionCandidate> live);

    /** The plan that merges everything (an operator's major compaction), or null if nothing to do. */
    CompactionPlan major(List<? extends CompactionCandidate> live);

    /** An estimate of compactions still due, for the {@code compaction.pending} metric. */
    int estimatedPending(List<? extends CompactionCandidate> live);
}
