package io.stratadb.node.hints;

import io.stratadb.storage.CorruptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One replay of a target's hints, oldest first, and the handle to watch or stop it.
 *
 * <p>Up to {@code maxInFlight} sends are outstanding at once; before each send the byte-rate throttle is
 * asked for the frame's bytes. A hint older than the hint window is dropped and counted, not sent. A file
 * is deleted once every hint in it was acknowledged or dropped.
 *
 * <p><b>Stopping part-way</b> (a failed send: the target went down again; or {@link #stop()}): no new
 * sends start, the outstanding ones are waited for, and the file remembers (in memory) the end of the
 * longest prefix of its entries that were all acknowledged. The next replay resumes there. Hints after
 * the first unacknowledged one are sent again even if they were acknowledged: at least once, never lost.
 * Delivery is not strictly in order (several sends are in flight), which is safe because each hint keeps
 * its original timestamp and the target reconciles by timestamp.
 *
 * <p><b>Corruption</b>: the good entries before it are delivered, then the corruption is reported
 * (logged with file and offset, counted, listed in the result), the file is renamed aside, and replay
 * goes on with the next file.
 */
public final class HintReplay {

    private static final Logger LOG = LoggerFactory.getLogger(HintReplay.class);

    private final HintStore store;
    private final HintTarget target;
    private final HintSender sender;
    private final RateLimit rateLimit;
    private final Pacer pacer;
    private final int maxInFlight;
    private final CompletableFuture<ReplayResult> result = new CompletableFuture<>();
    private final AtomicReference<Throwable> sendFailure = new AtomicReference<>();
    private final List<CorruptionException> corruptions = new ArrayList<>();
    private volatile boolean stopRequested;
    private long delivered;
    private long expired;

    /** A sent (or dropped) entry whose acknowledgement replay has not yet accounted for. */
    private record InFlight(long nextOffset, CompletableFuture<Void> ack, boolean wasExpired) {
    }

    HintReplay(HintStore store, HintTarget target, HintSender sender, RateLimit rateLimit, Pacer pacer, int maxInFlight) {
        this.store = store;
        this.target = target;
        this.sender = sender;
        this.rateLimit = rateLimit;
        this.pacer = pacer;
        this.maxInFlight = maxInFlight;
    }

    /** Completes when the replay ends, however it ends; never exceptionally. */
    public CompletableFuture<ReplayResult> result() {
        return result;
    }

    public boolean isRunning() {
        return !result.isDone();
    }

    /** Asks the replay to stop after the sends already started; see {@link #result()}. */
    public void stop() {
        stopRequested = true;
    }

    public String hostId() {
        return target.hostId;
    }

    void run() {
        Throwable failure = null;
        boolean complete = false;
        try {
            complete = replayAll();
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.warn("Hint replay to {} failed", target.hostId, e);
        }
        if (failure == null) {
            failure = sendFailure.get();
        }
        result.complete(new ReplayResult(delivered, expired, corruptions, complete, failure));
    }

    private boolean shouldGoOn() {
        return !stopRequested && sendFailure.get() == null && !target.isRemoved();
    }

    /** Replays until no file is left (true) or it must stop (false). */
    private boolean replayAll() throws IOException {
        while (shouldGoOn()) {
            List<HintFile> files = store.rollAndSnapshot(target);
            if (files.isEmpty()) {
                return true;
            }
            for (HintFile file : files) {
                if (!replayFile(file)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Replays one file; true if it is done with (deleted or set aside). */
    private boolean replayFile(HintFile file) throws IOException {
        HintFileReader reader;
        try {
            reader = HintFileReader.open(store.fileSystem(), file.path(), target.hostId);
        } catch (CorruptionException e) {
            corruptions.add(e);
            store.quarantine(target, file, e);
            return true;
        }
        if (reader == null) {
            store.retire(target, file);
            return true;
        }
        try (reader) {
            if (file.resumeOffset() > 0) {
                reader.seek(file.resumeOffset());
            }
            ArrayDeque<InFlight> window = new ArrayDeque<>();
            boolean prefixBroken = false;
            HintFileReader.Entry entry;
            while (shouldGoOn() && (entry = reader.next()) != null) {
                while (window.size() >= maxInFlight) {
                    window.peekFirst().ack().handle((v, t) -> null).join();
                    prefixBroken = retire(file, window, prefixBroken);
                }
                window.addLast(dispatch(entry));
                prefixBroken = retire(file, window, prefixBroken);
            }
            while (!window.isEmpty()) {
                window.peekFirst().ack().handle((v, t) -> null).join();
                prefixBroken = retire(file, window, prefixBroken);
            }
            if (prefixBroken || reader.end() == null) {
                return false;
            }
            if (reader.end() == HintFileReader.End.CORRUPT) {
                corruptions.add(reader.corruption());
                store.quarantine(target, file, reader.corruption());
            } else {
                store.retire(target, file);
            }
            return true;
        }
    }

    private InFlight dispatch(HintFileReader.Entry entry) {
        long nowMillis = store.clock().currentTimeMicros() / 1000;
        if (store.window().isExpired(entry.hint().createdAtMillis(), nowMillis)) {
            return new InFlight(entry.nextOffset(), CompletableFuture.completedFuture(null), true);
        }
        long wait = rateLimit.reserve(entry.frameBytes());
        if (wait > 0) {
            pacer.pause(wait);
        }
        CompletableFuture<Void> ack;
        try {
            ack = sender.send(target.hostId, entry.hint());
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        ack.whenComplete((v, t) -> {
            if (t != null) {
                sendFailure.compareAndSet(null, t);
            }
        });
        return new InFlight(entry.nextOffset(), ack, false);
    }

    /**
     * Accounts for the finished entries at the head of the window, in file order. Once one failed, the
     * prefix is broken: later acknowledgements are counted as deliveries but do not move the resume point.
     */
    private boolean retire(HintFile file, ArrayDeque<InFlight> window, boolean prefixBroken) {
        while (!window.isEmpty() && window.peekFirst().ack().isDone()) {
            InFlight done = window.pollFirst();
            boolean ok = !done.ack().isCompletedExceptionally();
            if (ok && done.wasExpired()) {
                expired++;
                store.metrics().expired.mark();
            } else if (ok) {
                delivered++;
                store.metrics().replayed.mark();
            }
            if (!ok) {
                prefixBroken = true;
            } else if (!prefixBroken) {
                file.markHandled(done.nextOffset());
            }
        }
        return prefixBroken;
    }
}
