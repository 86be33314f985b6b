package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The hints of this node, on disk under {@code <data>/hints/<hostId>/} as append-only files (format in
 * {@code docs/hints.md}).
 *
 * <p><b>Durability.</b> {@link #store} queues the hint and schedules a group sync on the flush executor;
 * the sync writes every queued hint of every target in one write per target, fsyncs each file (and its
 * directory when the file is new), and only then completes the futures. So a hint whose
 * {@code store(...)} future completed normally is on disk and survives a crash; one whose future failed,
 * or had not completed at the crash, may or may not. Stores that arrive during a sync go into the next,
 * which is what batches them.
 *
 * <p><b>Replay</b> ({@link #replay}) reads a target's files oldest first; see {@link HintReplay}. Files
 * are never appended to after a restart or after a replay started: the file being written is closed and
 * a new one begun, so a reader never races the writer.
 *
 * <p>Thread-safe. All file access goes through the {@link FileSystem} seam, all time through the clock.
 */
public final class HintStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HintStore.class);
    /** Host ids name directories, so only characters that are safe in a file name on every platform. */
    private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    private final FileSystem fs;
    private final Path root;
    private final Clock clock;
    private final HintStoreOptions options;
    private final HintExecutors executors;
    private final HintMetrics metrics;
    private final HintRecovery recovery;
    private final Map<String, HintTarget> targets = new ConcurrentHashMap<>();
    /** Serializes group syncs, file rolls and deletions: the writers are only touched under it. */
    private final ReentrantLock flushLock = new ReentrantLock();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean closed;

    private HintStore(FileSystem fs, Path root, Clock clock, HintStoreOptions options, HintExecutors executors,
                      MetricRegistry registry) {
        this.fs = fs;
        this.root = root;
        this.clock = clock;
        this.options = options;
        this.executors = executors;
        this.metrics = new HintMetrics(registry, this::totalPending);
        this.recovery = new HintRecovery(fs, metrics);
    }

    /**
     * Opens the hints under {@code dataDir/hints}, checking every existing file: a torn tail is cut, a
     * file with a bad header is renamed aside and counted, a file cut before its header is deleted.
     */
    public static HintStore open(FileSystem fs, Path dataDir, Clock clock, HintStoreOptions options,
                                 HintExecutors executors, MetricRegistry registry) throws IOException {
        HintStore store = new HintStore(fs, dataDir.resolve("hints"), clock, options, executors, registry);
        LOG.info("Hint store at {}: max_hint_window {} ms, files up to {} bytes, {} sends in flight per replay",
                store.root, options.window().maxHintWindowMillis(), options.maxFileBytes(), options.maxInFlight());
        store.recover();
        return store;
    }

    private void recover() throws IOException {
        for (HintTarget target : recovery.recover(root, HOST_ID)) {
            targets.put(target.hostId, target);
        }
    }

    /** Whether to write a hint for a target down since {@code downSinceMillis}: see {@link HintWindow}. */
    public boolean shouldHint(long downSinceMillis, long nowMillis) {
        return options.window().shouldHint(downSinceMillis, nowMillis);
    }

    /**
     * Keeps {@code hint} for {@code targetHostId}. The future completes once the hint is durable, and
     * exceptionally if it could not be written (then it may or may not be on disk).
     */
    public CompletableFuture<Void> store(String targetHostId, Hint hint) {
        checkHostId(targetHostId);
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("hint store is closed"));
        }
        byte[] payload = HintCodec.encode(hint);
        CompletableFuture<Void> done = new CompletableFuture<>();
        HintTarget.PendingWrite write = new HintTarget.PendingWrite(payload, done);
        HintTarget target = target(targetHostId);
        while (!target.enqueue(write)) {
            // The target was deleted between lookup and enqueue (deleteAll); a fresh one takes the hint.
            targets.remove(targetHostId, target);
            target = target(targetHostId);
        }
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                executors.flush().execute(this::flushQuietly);
            } catch (RuntimeException e) {
                flushScheduled.set(false);
                done.completeExceptionally(e);
            }
        }
        return done;
    }

    private HintTarget target(String hostId) {
        return targets.computeIfAbsent(hostId, id -> new HintTarget(id, root.resolve(id)));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Hint flush failed", e);
        }
    }

    /**
     * Writes and syncs every queued hint now, completing their futures (exceptionally for a target whose
     * write failed). Normally the flush executor calls it; callers may too.
     */
    public void flush() {
        flushScheduled.set(false);
        flushLock.lock();
        try {
            for (HintTarget target : targets.values()) {
                List<HintTarget.PendingWrite> batch = target.drain();
                if (!batch.isEmpty()) {
                    writeBatch(target, batch);
                }
                if (closed) {
                    // A store that raced close() still gets written, but no file stays open after close.
                    abandonWriter(target);
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    private void writeBatch(HintTarget target, List<HintTarget.PendingWrite> batch) {
        List<byte[]> payloads = new ArrayList<>(batch.size());
        for (HintTarget.PendingWrite w : batch) {
            payloads.add(w.payload());
        }
        try {
            boolean newFile = false;
            if (target.writer != null && target.writer.size() >= options.maxFileBytes()) {
                closeWriter(target);
            }
            if (target.writer == null) {
                if (!target.dirCreated) {
                    fs.createDirectories(target.dir);
                    fs.syncDirectory(root);
                    target.dirCreated = true;
                }
                long seq = target.takeSequence();
                Path path = target.dir.resolve(HintFile.fileName(seq));
                target.writer = HintFileWriter.create(fs, path, target.hostId);
                target.writerFile = new HintFile(path, seq, 0);
                target.addFile(target.writerFile);
                newFile = true;
            }
            target.writer.append(payloads);
            target.writer.sync();
            if (newFile) {
                fs.syncDirectory(target.dir);
            }
        } catch (IOException | RuntimeException e) {
            // The file may now end in a partial write; never append after it. A new file takes the next batch.
            abandonWriter(target);
            for (HintTarget.PendingWrite w : batch) {
                w.acknowledged().completeExceptionally(e);
            }
            LOG.warn("Could not write {} hints for {}", batch.size(), target.hostId, e);
            return;
        }
        target.writerFile.addHints(batch.size());
        metrics.stored.mark(batch.size());
        for (HintTarget.PendingWrite w : batch) {
            w.acknowledged().complete(null);
        }
    }

    private void closeWriter(HintTarget target) throws IOException {
        HintFileWriter w = target.writer;
        target.writer = null;
        target.writerFile = null;
        if (w != null) {
            w.close();
        }
    }

    private void abandonWriter(HintTarget target) {
        try {
            closeWriter(target);
        } catch (IOException e) {
            LOG.debug("Closing an abandoned hint file failed", e);
        }
    }

    /**
     * The files replay should read next: closes the file being written (so it is complete and new hints
     * go to a new file) and returns every file of the target, oldest first.
     */
    List<HintFile> rollAndSnapshot(HintTarget target) throws IOException {
        flushLock.lock();
        try {
            if (target.writer != null) {
                closeWriter(target);
            }
            return target.files();
        } finally {
            flushLock.unlock();
        }
    }

    /** A fully replayed file: gone. */
    void retire(HintTarget target, HintFile file) throws IOException {
        target.removeFile(file);
        fs.delete(file.path());
        fs.syncDirectory(target.dir);
    }

    /** A file with corruption, once its good part was replayed: kept aside for the operator, out of replay. */
    void quarantine(HintTarget target, HintFile file, CorruptionException e) throws IOException {
        target.removeFile(file);
        recovery.quarantine(target, file.path(), e);
    }

    /**
     * Starts delivering the hints of {@code hostId} through {@code sender} on the replay executor, or
     * returns the replay already running for it.
     */
    public HintReplay replay(String hostId, HintSender sender, RateLimit rateLimit) {
        checkHostId(hostId);
        if (closed) {
            throw new IllegalStateException("hint store is closed");
        }
        HintTarget target = target(hostId);
        HintReplay replay;
        synchronized (target) {
            if (target.replay != null && target.replay.isRunning()) {
                return target.replay;
            }
            replay = new HintReplay(this, target, sender, rateLimit, executors.pacer(), options.maxInFlight());
            target.replay = replay;
        }
        executors.replay().execute(replay::run);
        return replay;
    }

    /** Acknowledged hints not yet delivered or dropped, for {@code hostId}. */
    public long pendingHints(String hostId) {
        HintTarget t = targets.get(hostId);
        return t == null ? 0 : t.pending();
    }

    /** Pending hints per target with any (for {@code strata-admin hints}), sorted by host id. */
    public Map<String, Long> pendingByTarget() {
        Map<String, Long> out = new TreeMap<>();
        for (HintTarget t : targets.values()) {
            long n = t.pending();
            if (n > 0) {
                out.put(t.hostId, n);
            }
        }
        return out;
    }

    private long totalPending() {
        long sum = 0;
        for (HintTarget t : targets.values()) {
            sum += t.pending();
        }
        return sum;
    }

    /**
     * Deletes every hint for {@code hostId} (the node left the ring): stops its replay, drops queued
     * hints (their futures complete normally: there is nobody to deliver them to) and removes its files.
     */
    public void deleteAll(String hostId) throws IOException {
        checkHostId(hostId);
        HintTarget target = targets.remove(hostId);
        if (target == null) {
            return;
        }
        HintReplay running;
        synchronized (target) {
            running = target.replay;
        }
        if (running != null) {
            running.stop();
        }
        flushLock.lock();
        try {
            for (HintTarget.PendingWrite w : target.markRemoved()) {
                w.acknowledged().complete(null);
            }
            closeWriter(target);
            for (Path file : fs.list(target.dir)) {
                fs.delete(file);
            }
            fs.syncDirectory(target.dir);
            fs.delete(target.dir);
            fs.syncDirectory(root);
        } finally {
            flushLock.unlock();
        }
    }

    Clock clock() {
        return clock;
    }

    HintWindow window() {
        return options.window();
    }

    FileSystem fileSystem() {
        return fs;
    }

    HintMetrics metrics() {
        return metrics;
    }

    private static void checkHostId(String hostId) {
        if (hostId == null || !HOST_ID.matcher(hostId).matches()) {
            throw new IllegalArgumentException("not a valid host id: " + hostId);
        }
    }

    /** Syncs what is queued, closes the files being written and stops replays (without waiting for them). */
    @Override
    public void close() {
        closed = true;
        flush();
        for (HintTarget t : targets.values()) {
            HintReplay r;
            synchronized (t) {
                r = t.replay;
            }
            if (r != null) {
                r.stop();
            }
        }
    }
}
