package io.stratadb.bench.load;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Drives a {@link KvTarget}: a load phase that inserts every record, then a run phase with the
 * workload's operation mix.
 *
 * <p>Issuing threads keep at most {@code concurrency} operations in flight. Without a target rate the
 * loop is closed: each operation starts when a slot frees, and latency is measured from its start. With
 * a target rate each operation has an intended start time on a fixed schedule, and its latency is
 * measured from that intended time — so a stall that delays later operations shows up in their
 * latency instead of silently lowering the rate (coordinated omission).
 *
 * <p>A warm-up is not measured: only operations due (or, without a rate, sent) after it count, and the
 * fixed schedule starts again at its end, so a backlog from cold JVMs is not charged to the run.
 */
public final class LoadRunner {

    private static final long PARK_THRESHOLD_NANOS = 250_000;

    private final BenchOptions options;
    private final KvTarget target;
    private final PrintStream out;
    private final Function<Throwable, String> errorCode;
    private final byte[] valuePool;
    private final CasWorkload cas;

    public LoadRunner(BenchOptions options, KvTarget target, PrintStream out, Function<Throwable, String> errorCode) {
        this.options = options;
        this.target = target;
        this.out = out;
        this.errorCode = errorCode;
        this.cas = new CasWorkload(target);
        this.valuePool = new byte[options.valueSize * 64 + 4096];
        new SplittableRandom(options.seed).nextBytes(valuePool);
    }

    /** Inserts records [0, records) as fast as the concurrency allows. */
    public PhaseResult load() throws InterruptedException {
        AtomicLong next = new AtomicLong();
        return execute("load", options.records, 0, 0, (random, stats) -> {
            long n = next.getAndIncrement();
            if (n >= options.records) {
                return null;
            }
            return new Op(OperationType.INSERT, target.write(RecordKeys.key(n), value(random)));
        });
    }

    /** Runs the workload for the configured duration or operation count. */
    public PhaseResult run() throws InterruptedException {
        AtomicLong inserted = new AtomicLong(options.records);
        KeyDistribution distribution = options.effectiveDistribution();
        ThreadLocal<KeyChooser> choosers = ThreadLocal.withInitial(() -> KeyChooser.create(distribution, options.records,
                options.hotKeys));
        double duration = options.operations > 0 ? 0 : options.durationSeconds;
        return execute("run " + options.workload, options.operations, duration, options.targetRate, (random, stats) -> {
            OperationType type = options.workload.choose(random);
            KeyChooser chooser = choosers.get();
            switch (type) {
                case READ:
                    return new Op(type, target.read(RecordKeys.key(chooser.next(random, inserted.get()))));
                case UPDATE:
                    return new Op(type, target.write(RecordKeys.key(chooser.next(random, inserted.get())), value(random)));
                case INSERT:
                    return new Op(type, target.write(RecordKeys.key(inserted.getAndIncrement()), value(random)));
                case SCAN:
                    return new Op(type, target.scan(RecordKeys.key(chooser.next(random, inserted.get())),
                            1 + random.nextInt(options.maxScanLength)));
                case READ_MODIFY_WRITE:
                    return new Op(type, target.readModifyWrite(RecordKeys.key(chooser.next(random, inserted.get())), value(random)));
                case CAS:
                    return new Op(type, cas.start(chooser.next(random, inserted.get()), value(random)));
                default:
                    throw new IllegalStateException("unhandled " + type);
            }
        });
    }

    private byte[] value(SplittableRandom random) {
        int from = random.nextInt(valuePool.length - options.valueSize);
        return java.util.Arrays.copyOfRange(valuePool, from, from + options.valueSize);
    }

    /** An operation in flight. */
    private record Op(OperationType type, CompletableFuture<?> future) {
    }

    @FunctionalInterface
    private interface OpSource {
        /** The next operation, already started, or null when the phase has no more. */
        Op start(SplittableRandom random, Map<OperationType, OperationStats> stats);
    }

    private PhaseResult execute(String phase, long maxOps, double durationSeconds, double rate, OpSource source)
            throws InterruptedException {
        Map<OperationType, OperationStats> stats = new EnumMap<>(OperationType.class);
        for (OperationType t : OperationType.values()) {
            stats.put(t, new OperationStats());
        }
        Semaphore slots = new Semaphore(options.concurrency);
        AtomicLong issued = new AtomicLong();
        long startNanos = System.nanoTime();
        long warmupNanos = phase.startsWith("run") ? (long) (options.warmupSeconds * 1e9) : 0;
        long measureFrom = startNanos + warmupNanos;
        long endNanos = durationSeconds > 0 ? measureFrom + (long) (durationSeconds * 1e9) : Long.MAX_VALUE;
        int threads = options.threads;
        double perThreadInterval = rate > 0 ? 1e9 * threads / rate : 0;

        Thread[] issuers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            issuers[t] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(options.seed * 31 + id + phase.hashCode());
                long scheduled = 0;
                long scheduleBase = startNanos;
                boolean measuring = warmupNanos == 0;
                while (true) {
                    long intended;
                    if (perThreadInterval > 0) {
                        if (!measuring && System.nanoTime() >= measureFrom) {
                            // The measured schedule starts at the end of the warm-up: a backlog left by a
                            // cold start is dropped, not charged to the measured operations.
                            scheduleBase = measureFrom;
                            scheduled = 0;
                            measuring = true;
                        }
                        intended = scheduleBase + (long) (id * perThreadInterval / threads) + (long) (scheduled++ * perThreadInterval);
                        // parkNanos sleeps at least ~50-100 us here, longer than the gap between
                        // operations at high rates: park only for long waits, waking a little early,
                        // and send operations that are due within PARK_THRESHOLD right away.
                        long wait;
                        while ((wait = intended - System.nanoTime()) > PARK_THRESHOLD_NANOS) {
                            LockSupport.parkNanos(wait - PARK_THRESHOLD_NANOS / 2);
                        }
                    } else {
                        intended = 0;
                    }
                    if (System.nanoTime() >= endNanos || (maxOps > 0 && issued.get() >= maxOps)) {
                        break;
                    }
                    slots.acquireUninterruptibly();
                    // Late: charged from the intended start (coordinated omission). Early: from the send.
                    long started = perThreadInterval > 0 ? Math.min(intended, System.nanoTime()) : System.nanoTime();
                    Op op;
                    try {
                        if (maxOps > 0 && issued.getAndIncrement() >= maxOps) {
                            slots.release();
                            break;
                        } else if (maxOps <= 0) {
                            issued.incrementAndGet();
                        }
                        op = source.start(random, stats);
                    } catch (RuntimeException e) {
                        slots.release();
                        stats.get(OperationType.READ).error(errorCode.apply(e));
                        continue;
                    }
                    if (op == null) {
                        slots.release();
                        break;
                    }
                    OperationStats s = stats.get(op.type());
                    op.future().whenComplete((result, error) -> {
                        long done = System.nanoTime();
                        // Measured: the operations due (or, unpaced, sent) after the warm-up.
                        if (started >= measureFrom || warmupNanos == 0) {
                            if (error != null) {
                                s.error(errorCode.apply(error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause() : error));
                            } else {
                                s.record(done - started);
                                if (result instanceof CasWorkload.Result r) {
                                    r.labels().forEach(s::outcome);
                                }
                            }
                        }
                        slots.release();
                    });
                }
            }, "bench-issuer-" + t);
            issuers[t].start();
        }

        ProgressPrinter progress = new ProgressPrinter(out, phase, stats, startNanos, options.reportIntervalSeconds);
        boolean warmedUp = warmupNanos == 0;
        while (!allDone(issuers)) {
            Thread.sleep(50); // the benchmark's own pacing thread; not test code
            if (!warmedUp && System.nanoTime() >= measureFrom) {
                stats.values().forEach(OperationStats::rollIntervalAndDiscard);
                warmedUp = true;
            }
            progress.maybePrint();
        }
        if (!slots.tryAcquire(options.concurrency, 60, TimeUnit.SECONDS)) {
            out.println("warning: " + (options.concurrency - slots.availablePermits()) + " operations still in flight after 60 s");
        }
        double seconds = (System.nanoTime() - (warmupNanos > 0 ? measureFrom : startNanos)) / 1e9;
        Map<OperationType, Histogram> latencies = new EnumMap<>(OperationType.class);
        Map<OperationType, Map<String, Long>> errors = new EnumMap<>(OperationType.class);
        Map<OperationType, Map<String, Long>> outcomes = new EnumMap<>(OperationType.class);
        for (Map.Entry<OperationType, OperationStats> e : stats.entrySet()) {
            e.getValue().rollInterval();
            Histogram h = e.getValue().total();
            Map<String, Long> err = e.getValue().errors();
            if (h.getTotalCount() > 0 || !err.isEmpty()) {
                latencies.put(e.getKey(), h);
                errors.put(e.getKey(), err);
                outcomes.put(e.getKey(), e.getValue().outcomes());
            }
        }
        return new PhaseResult(phase, seconds, latencies, errors, outcomes);
    }

    private static boolean allDone(Thread[] threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
