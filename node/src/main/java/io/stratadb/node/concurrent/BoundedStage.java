package io.stratadb.node.concurrent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A fixed pool of threads fed through a bounded queue, for work that may block (reads that touch disk,
 * schema changes that fsync) and so must never run on an event loop. When the queue is full
 * {@link #submit} fails at once with {@link StageFullException} rather than queueing without bound: the
 * request is then answered OVERLOADED, having done nothing.
 *
 * <p>A {@link ThreadPoolExecutor} over an {@link ArrayBlockingQueue} rather than a JCTools queue with
 * hand-rolled parking: it is simple and proven, and the read stage is not the bottleneck yet (the disk
 * is). Swap the queue if profiling says otherwise.
 */
public final class BoundedStage {

    private final String name;
    private final ThreadPoolExecutor executor;

    public BoundedStage(String name, int threads, int queueSize, NodeThreadFactory threadFactory) {
        this.name = name;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueSize), threadFactory, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on a stage thread. The returned future fails with {@link StageFullException} if
     * the queue is full, and the work is skipped if the future was completed (a timeout) before a thread
     * picked it up: nobody is waiting for the answer any more.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(work.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new StageFullException(name, executor.isShutdown()));
        }
        return result;
    }

    /**
     * This stage as a plain {@link Executor}, for callers that bring their own future (admin maintenance):
     * {@code execute} throws {@link RejectedExecutionException} when the queue is full or the stage stopped.
     */
    public Executor asExecutor() {
        return executor;
    }

    /** Tasks waiting for a thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    public int active() {
        return executor.getActiveCount();
    }

    /** Stops taking work, lets queued work finish, and waits up to {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The stage's queue was full (or it was shut down): the work was not started. */
    public static final class StageFullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StageFullException(String stage, boolean shutDown) {
            super(shutDown ? stage + " stage is shut down" : stage + " stage queue is full");
        }
    }
}
