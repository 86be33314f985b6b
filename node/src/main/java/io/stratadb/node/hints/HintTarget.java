package io.stratadb.node.hints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The hints of one target node: its files, oldest first, the batch waiting for the next group sync, and
 * the file being written. The monitor guards the file list and the batch; the writer is touched only
 * under {@link HintStore}'s flush lock.
 */
final class HintTarget {

    /** A hint waiting for the next flush, and whoever waits for it to be durable. */
    record PendingWrite(byte[] payload, CompletableFuture<Void> acknowledged) {
    }

    final String hostId;
    final Path dir;
    private final List<HintFile> files = new ArrayList<>();
    private List<PendingWrite> batch = new ArrayList<>();
    private long nextSequence;
    private boolean removed;

    /** Written only under the store's flush lock. */
    HintFileWriter writer;
    HintFile writerFile;
    /** Set under the store's flush lock once the directory exists durably. */
    boolean dirCreated;
    /** The running replay, if any; guarded by this monitor. */
    HintReplay replay;

    HintTarget(String hostId, Path dir) {
        this.hostId = hostId;
        this.dir = dir;
    }

    synchronized boolean enqueue(PendingWrite write) {
        if (removed) {
            return false;
        }
        batch.add(write);
        return true;
    }

    synchronized List<PendingWrite> drain() {
        List<PendingWrite> out = batch;
        batch = new ArrayList<>();
        return out;
    }

    synchronized void addFile(HintFile file) {
        files.add(file);
        nextSequence = Math.max(nextSequence, file.sequence() + 1);
    }

    synchronized long takeSequence() {
        return nextSequence++;
    }

    synchronized void removeFile(HintFile file) {
        files.remove(file);
    }

    /** A copy of the file list, oldest first. */
    synchronized List<HintFile> files() {
        return new ArrayList<>(files);
    }

    synchronized long pending() {
        long sum = 0;
        for (HintFile f : files) {
            sum += f.pending();
        }
        return sum;
    }

    synchronized boolean isRemoved() {
        return removed;
    }

    synchronized List<PendingWrite> markRemoved() {
        removed = true;
        files.clear();
        return drain();
    }
}
