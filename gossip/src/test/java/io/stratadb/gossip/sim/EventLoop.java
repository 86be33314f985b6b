package io.stratadb.gossip.sim;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Discrete-event scheduler over a {@link SimulatedClock}: events run in time order (ties in the
 * order they were scheduled), and the clock jumps to each event's time before it runs.
 */
public final class EventLoop {

    private record Event(long atNanos, long sequence, Runnable action) {
    }

    private final SimulatedClock clock;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.sequence, b.sequence));
    private long sequence;

    public EventLoop(SimulatedClock clock) {
        this.clock = clock;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public void schedule(long atNanos, Runnable action) {
        queue.add(new Event(Math.max(atNanos, clock.nanoTime()), sequence++, action));
    }

    public void scheduleAfter(long delayNanos, Runnable action) {
        schedule(clock.nanoTime() + delayNanos, action);
    }

    /** Runs every event due up to {@code nanos}, then leaves the clock there. */
    public void runUntil(long nanos) {
        while (!queue.isEmpty() && queue.peek().atNanos <= nanos) {
            Event e = queue.poll();
            clock.advanceTo(e.atNanos);
            e.action.run();
        }
        clock.advanceTo(nanos);
    }

    public void runFor(Duration d) {
        runUntil(clock.nanoTime() + d.toNanos());
    }
}
