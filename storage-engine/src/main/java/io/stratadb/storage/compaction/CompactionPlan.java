package io.stratadb.storage.compaction;

import java.util.List;

/**
 * One compaction to run: merge {@code inputs} into new SSTables at {@code outputLevel}, starting a new
 * output file whenever one reaches {@code maxOutputBytes} (Long.MAX_VALUE: a single output).
 */
public record CompactionPlan(List<? extends CompactionCandidate> inputs, int outputLevel, long maxOutputBytes) {

    public CompactionPlan {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a compaction needs inputs");
        }
        inputs = List.copyOf(inputs);
    }
}
