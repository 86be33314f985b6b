package io.stratadb.storage.commitlog;

import io.stratadb.storage.Mutation;
import java.util.concurrent.CompletableFuture;

/** What producers hand the writer thread through {@link WriteQueue}. */
sealed interface WriteRequest permits WriteRequest.Append, WriteRequest.Roll {

    /** Bytes this request adds to the queue's byte budget (0 for control requests). */
    int queuedBytes();

    /**
     * One mutation. The sizes were computed (and validated) by the producer so the writer does not
     * walk the table name twice. {@code future} is null in PERIODIC mode, where the caller was answered
     * when the request was queued.
     */
    record Append(Mutation mutation, int payloadBytes, int tableNameBytes, CompletableFuture<Void> future)
            implements WriteRequest {
        @Override
        public int queuedBytes() {
            return EntryFraming.frameSize(payloadBytes);
        }
    }

    /** Switch to a fresh segment; completes with its id. */
    record Roll(CompletableFuture<Long> future) implements WriteRequest {
        @Override
        public int queuedBytes() {
            return 0;
        }
    }
}
