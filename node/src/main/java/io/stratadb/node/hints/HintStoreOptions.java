package io.stratadb.node.hints;

/**
 * Tunables of a {@link HintStore}, with their defaults in one place.
 *
 * @param window the max_hint_window rule (default 3 h)
 * @param maxFileBytes a file is closed and a new one started once it reaches this size (default 16 MiB);
 *     smaller files free disk sooner during replay, larger ones mean fewer files
 * @param maxInFlight hints replay sends to one target before waiting for the oldest acknowledgement
 *     (default 32)
 */
public record HintStoreOptions(HintWindow window, long maxFileBytes, int maxInFlight) {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_IN_FLIGHT = 32;

    public HintStoreOptions {
        if (maxFileBytes <= 0 || maxInFlight <= 0) {
            throw new IllegalArgumentException("maxFileBytes and maxInFlight must be positive");
        }
    }

    public static HintStoreOptions defaults() {
        return new HintStoreOptions(HintWindow.defaultWindow(), DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_IN_FLIGHT);
    }

    public HintStoreOptions withWindow(HintWindow w) {
        return new HintStoreOptions(w, maxFileBytes, maxInFlight);
    }

    public HintStoreOptions withMaxFileBytes(long bytes) {
        return new HintStoreOptions(window, bytes, maxInFlight);
    }

    public HintStoreOptions withMaxInFlight(int n) {
        return new HintStoreOptions(window, maxFileBytes, n);
    }
}
