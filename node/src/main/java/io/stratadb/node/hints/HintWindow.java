package io.stratadb.node.hints;

/**
 * Cassandra's {@code max_hint_window} rule, both ways: a coordinator stops <em>writing</em> hints for a
 * node that has been down longer than the window (beyond it, repair is the way back, and unbounded hints
 * would fill the disk), and replay <em>drops</em> a hint older than the window (the target has
 * presumably been repaired past it, and an old hint could resurrect data whose tombstone was already
 * purged after gc_grace). Keep the window below gc_grace for that reason.
 *
 * @param maxHintWindowMillis the window; default 3 hours
 */
public record HintWindow(long maxHintWindowMillis) {

    public static final long DEFAULT_MILLIS = 3L * 60 * 60 * 1000;

    public HintWindow {
        if (maxHintWindowMillis <= 0) {
            throw new IllegalArgumentException("max_hint_window must be positive: " + maxHintWindowMillis);
        }
    }

    public static HintWindow defaultWindow() {
        return new HintWindow(DEFAULT_MILLIS);
    }

    /** Whether to write a hint for a target the failure detector has seen down since {@code downSinceMillis}. */
    public boolean shouldHint(long downSinceMillis, long nowMillis) {
        return nowMillis - downSinceMillis <= maxHintWindowMillis;
    }

    /** Whether a hint created at {@code createdAtMillis} is too old to deliver. */
    public boolean isExpired(long createdAtMillis, long nowMillis) {
        return nowMillis - createdAtMillis > maxHintWindowMillis;
    }
}
