package io.stratadb.node.testing;

import io.stratadb.node.concurrent.RequestTimer;

import java.util.ArrayList;
import java.util.List;

/** A {@link RequestTimer} that fires only when the test advances it: timeouts without waiting. */
public final class ManualRequestTimer implements RequestTimer {

    private final class Task implements Timeout {
        final long due;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (ManualRequestTimer.this) {
                cancelled = true;
            }
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long nowMillis;

    @Override
    public synchronized Timeout schedule(Runnable task, long delayMillis) {
        Task t = new Task(nowMillis + delayMillis, task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward and runs what fell due, in due order, on the calling thread. */
    public void advance(long millis) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            nowMillis += millis;
            tasks.removeIf(t -> {
                if (t.cancelled) {
                    return true;
                }
                if (t.due <= nowMillis) {
                    due.add(t);
                    return true;
                }
                return false;
            });
        }
        due.sort((x, y) -> Long.compare(x.due, y.due));
        due.forEach(t -> t.run.run());
    }

    @Override
    public void close() {
    }
}
