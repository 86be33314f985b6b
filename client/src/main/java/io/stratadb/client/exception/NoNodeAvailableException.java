package io.stratadb.client.exception;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The client found no node to send the request to: every node it tried was not connected (down, or still
 * reconnecting) or busy. The request was sent nowhere, so it had no effect. {@link #errors()} says why
 * each node was passed over.
 */
public class NoNodeAvailableException extends StrataException {
    private final Map<InetSocketAddress, Throwable> errors;

    public NoNodeAvailableException(Map<InetSocketAddress, Throwable> errors) {
        super(describe(errors), null);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.errors.values().forEach(this::addSuppressed);
    }

    /** Why each node was passed over, in the order they were tried. */
    public Map<InetSocketAddress, Throwable> errors() {
        return errors;
    }

    /** True if every node was only busy (not down): backing off, not failing over, is the cure. */
    public boolean allBusy() {
        return !errors.isEmpty() && errors.values().stream().allMatch(e -> e instanceof BusyConnectionException);
    }

    @Override
    public boolean requestHadNoEffect() {
        return true;
    }

    private static boolean mentions(String message, InetSocketAddress address) {
        return message != null && message.contains(address.toString());
    }

    private static String describe(Map<InetSocketAddress, Throwable> errors) {
        if (errors.isEmpty()) {
            return "no node available: no node to try";
        }
        return "no node available: " + errors.entrySet().stream()
                .map(e -> mentions(e.getValue().getMessage(), e.getKey()) ? e.getValue().getMessage()
                        : e.getKey() + ": " + e.getValue().getMessage())
                .collect(Collectors.joining("; "));
    }
}
