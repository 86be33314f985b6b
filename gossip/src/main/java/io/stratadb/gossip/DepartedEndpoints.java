package io.stratadb.gossip;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tombstones of evicted LEFT endpoints: the last state each had, kept for the quarantine period.
 * While it is kept, gossip about that incarnation (same or older generation) is ignored, so a peer
 * that was away when the endpoint left cannot gossip it back in; instead such a peer is sent the
 * tombstone and learns that it left. A higher generation is a new incarnation and is let in.
 */
final class DepartedEndpoints {

    private record Tombstone(EndpointState lastState, long forgetAtNanos) {
    }

    private final Map<Endpoint, Tombstone> tombstones = new LinkedHashMap<>();

    void add(Endpoint endpoint, EndpointState lastState, long forgetAtNanos) {
        tombstones.put(endpoint, new Tombstone(lastState, forgetAtNanos));
    }

    /** True if {@code generation} of {@code endpoint} is an incarnation that already left. */
    boolean covers(Endpoint endpoint, long generation) {
        Tombstone t = tombstones.get(endpoint);
        return t != null && generation <= t.lastState.generation();
    }

    /** The last state of a departed endpoint, or null. */
    EndpointState lastState(Endpoint endpoint) {
        Tombstone t = tombstones.get(endpoint);
        return t == null ? null : t.lastState;
    }

    /** Forgets the tombstone: the endpoint came back as a new incarnation. */
    void forget(Endpoint endpoint) {
        tombstones.remove(endpoint);
    }

    void expire(long nowNanos) {
        tombstones.values().removeIf(t -> nowNanos - t.forgetAtNanos >= 0);
    }

    int size() {
        return tombstones.size();
    }
}
