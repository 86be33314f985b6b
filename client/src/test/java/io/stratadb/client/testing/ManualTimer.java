package io.stratadb.client.testing;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Netty {@link Timer} that fires only when the test advances it: timeouts without sleeps. Not
 * thread-safe beyond what one test thread needs.
 */
public final class ManualTimer implements Timer {
    private final List<ManualTimeout> pending = new ArrayList<>();
    private long nowNanos;
    private boolean stopped;

    @Override
    public synchronized Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        if (stopped) {
            throw new IllegalStateException("timer stopped");
        }
        ManualTimeout t = new ManualTimeout(task, nowNanos + unit.toNanos(delay));
        pending.add(t);
        return t;
    }

    /** Moves time forward, running every task that falls due, in due order. */
    public void advance(long amount, TimeUnit unit) {
        long target;
        synchronized (this) {
            target = nowNanos + unit.toNanos(amount);
        }
        while (true) {
            ManualTimeout next;
            synchronized (this) {
                next = pending.stream().filter(t -> t.deadline <= target)
                        .min((a, b) -> Long.compare(a.deadline, b.deadline)).orElse(null);
                if (next == null) {
                    nowNanos = target;
                    return;
                }
                pending.remove(next);
                nowNanos = next.deadline;
            }
            try {
                next.task.run(next);
            } catch (Exception e) {
                throw new AssertionError("timer task failed", e);
            }
        }
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    @Override
    public synchronized Set<Timeout> stop() {
        stopped = true;
        Set<Timeout> left = Set.copyOf(pending);
        pending.clear();
        return left;
    }

    private final class ManualTimeout implements Timeout {
        private final TimerTask task;
        private final long deadline;
        private volatile boolean cancelled;

        ManualTimeout(TimerTask task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public Timer timer() {
            return ManualTimer.this;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            return !cancelled && !isPending();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            synchronized (ManualTimer.this) {
                boolean wasPending = pending.remove(this);
                cancelled = wasPending;
                return wasPending;
            }
        }

        private boolean isPending() {
            synchronized (ManualTimer.this) {
                return pending.contains(this);
            }
        }
    }
}
