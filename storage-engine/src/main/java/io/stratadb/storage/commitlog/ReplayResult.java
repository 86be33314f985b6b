package io.stratadb.storage.commitlog;

import java.util.List;

/** What {@link CommitLog#replay} found. Immutable. */
public final class ReplayResult {

    private final int segmentsRead;
    private final long entriesReplayed;
    private final List<TornTail> tornTails;
    private final List<SkippedCorruption> skippedCorruptions;

    ReplayResult(int segmentsRead, long entriesReplayed, List<TornTail> tornTails,
            List<SkippedCorruption> skippedCorruptions) {
        this.segmentsRead = segmentsRead;
        this.entriesReplayed = entriesReplayed;
        this.tornTails = List.copyOf(tornTails);
        this.skippedCorruptions = List.copyOf(skippedCorruptions);
    }

    /** Segment files opened, including ones skipped as corrupt. */
    public int segmentsRead() {
        return segmentsRead;
    }

    /** Mutations handed to the consumer. */
    public long entriesReplayed() {
        return entriesReplayed;
    }

    /** Unfinished writes erased from the newest segment (at most one per replay in practice). */
    public List<TornTail> tornTails() {
        return tornTails;
    }

    /** Total bytes zeroed as torn tails. */
    public long bytesCut() {
        return tornTails.stream().mapToLong(TornTail::bytesCut).sum();
    }

    /** Damage skipped under the SKIP policy; always empty under STOP (which throws instead). */
    public List<SkippedCorruption> skippedCorruptions() {
        return skippedCorruptions;
    }

    /** True if nothing was erased or skipped. */
    public boolean clean() {
        return tornTails.isEmpty() && skippedCorruptions.isEmpty();
    }

    @Override
    public String toString() {
        return "ReplayResult{segments=" + segmentsRead + ", entries=" + entriesReplayed
                + ", tornTails=" + tornTails + ", skipped=" + skippedCorruptions + "}";
    }
}
