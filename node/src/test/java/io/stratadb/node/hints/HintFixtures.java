package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.io.FileSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Builders shared by the hint tests. */
final class HintFixtures {

    private HintFixtures() {
    }

    /** Everything inline: each store syncs at once, replay runs on the calling thread. */
    static HintExecutors inline(SteppedTime time) {
        return new HintExecutors(Runnable::run, Runnable::run, time);
    }

    static HintStore open(FileSystem fs, Path dir, SteppedTime time, HintStoreOptions options, MetricRegistry metrics)
            throws IOException {
        return HintStore.open(fs, dir, time, options, inline(time), metrics);
    }

    /** A hint whose key names it, so a test can tell which were delivered. */
    static Hint hint(SteppedTime time, String table, int n) {
        byte[] key = ("key-" + n).getBytes(StandardCharsets.UTF_8);
        byte[] value = ("value-" + n).getBytes(StandardCharsets.UTF_8);
        return new Hint(time.nowMillis(), new Mutation(table, key, Cell.value(value, time.currentTimeMicros() + n)));
    }

    static String keyOf(Hint h) {
        return new String(h.mutation().key(), StandardCharsets.UTF_8);
    }

    /** A sender that records what it got, acknowledges at once, and can be made to fail from the n-th send on. */
    static final class RecordingSender implements HintSender {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        private volatile int failFrom = Integer.MAX_VALUE;
        private int sends;

        void failFrom(int n) {
            failFrom = n;
        }

        @Override
        public synchronized CompletableFuture<Void> send(String hostId, Hint hint) {
            if (sends++ >= failFrom) {
                return CompletableFuture.failedFuture(new IllegalStateException("target down"));
            }
            received.add(hostId + "/" + keyOf(hint));
            return CompletableFuture.completedFuture(null);
        }
    }
}
