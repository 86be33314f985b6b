package io.stratadb.gossip;

import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of known endpoints with this node's opinion of each (alive or not, since when LEFT),
 * plus the tombstones of evicted endpoints. Mutated only by the gossiper under its lock;
 * what other threads read (states, liveness) is published through concurrent or immutable views.
 * Insertion-ordered maps keep peer selection reproducible for a given random seed.
 */
final class Membership {

    private static final Logger log = LoggerFactory.getLogger(Membership.class);

    private static final class Entry {
        EndpointState state;
        boolean alive;
        boolean leftSeen;
        long leftSinceNanos;

        Entry(EndpointState state) {
            this.state = state;
        }
    }

    private final Endpoint self;
    private final Map<Endpoint, Entry> entries = new LinkedHashMap<>();
    private final DepartedEndpoints departed = new DepartedEndpoints();
    private final Map<Endpoint, EndpointState> publishedStates = new ConcurrentHashMap<>();
    private volatile LivenessView view;

    Membership(Endpoint self) {
        this.self = self;
        this.view = new LivenessView(Set.of(self), Set.of());
    }

    Endpoint self() {
        return self;
    }

    EndpointState get(Endpoint endpoint) {
        Entry e = entries.get(endpoint);
        return e == null ? null : e.state;
    }

    /** Every known endpoint, this node included, in insertion order. */
    List<Endpoint> allEndpoints() {
        return new ArrayList<>(entries.keySet());
    }

    /** Known endpoints other than this node, in insertion order. */
    List<Endpoint> remoteEndpoints() {
        List<Endpoint> out = new ArrayList<>(entries.size());
        for (Endpoint ep : entries.keySet()) {
            if (!ep.equals(self)) {
                out.add(ep);
            }
        }
        return out;
    }

    /** Remote endpoints considered up, in insertion order (stable for a given seed). */
    List<Endpoint> liveRemote() {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<Endpoint, Entry> me : entries.entrySet()) {
            if (me.getValue().alive && !me.getKey().equals(self)) {
                out.add(me.getKey());
            }
        }
        return out;
    }

    /**
     * Remote endpoints considered down that are worth gossiping to: LEFT ones are excluded, since
     * they will not come back and their address may already belong to someone else.
     */
    List<Endpoint> unreachableTargets() {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<Endpoint, Entry> me : entries.entrySet()) {
            if (!me.getValue().alive && !me.getValue().leftSeen && !me.getKey().equals(self)) {
                out.add(me.getKey());
            }
        }
        return out;
    }

    /** Adds an endpoint not known before; it starts down until proven alive. */
    void add(Endpoint endpoint, EndpointState state, long nowNanos) {
        Entry e = new Entry(state);
        e.alive = endpoint.equals(self);
        entries.put(endpoint, e);
        trackLeft(e, nowNanos);
        publishedStates.put(endpoint, state);
        publishView();
    }

    void update(Endpoint endpoint, EndpointState state, long nowNanos) {
        Entry e = entries.get(endpoint);
        e.state = state;
        trackLeft(e, nowNanos);
        publishedStates.put(endpoint, state);
    }

    boolean isAlive(Endpoint endpoint) {
        Entry e = entries.get(endpoint);
        return e != null && e.alive;
    }

    /** Marks up and queues {@code onAlive}; false if it already was. */
    boolean markAlive(Endpoint endpoint, Notifications events) {
        Entry e = entries.get(endpoint);
        if (e == null || e.alive) {
            return false;
        }
        e.alive = true;
        publishView();
        log.info("{} is now UP", endpoint);
        events.alive(endpoint, e.state);
        return true;
    }

    /** Marks down and queues {@code onDead}; false if it already was. */
    boolean markDead(Endpoint endpoint, String reason, Notifications events) {
        Entry e = entries.get(endpoint);
        if (e == null || !e.alive || endpoint.equals(self)) {
            return false;
        }
        e.alive = false;
        publishView();
        log.info("{} is now DOWN ({})", endpoint, reason);
        events.dead(endpoint, e.state);
        return true;
    }

    /** Drops an endpoint, keeping a tombstone of its last state until {@code forgetAtNanos}. */
    void evict(Endpoint endpoint, long forgetAtNanos) {
        Entry e = entries.remove(endpoint);
        publishedStates.remove(endpoint);
        if (e != null) {
            departed.add(endpoint, e.state, forgetAtNanos);
        }
        publishView();
    }

    DepartedEndpoints departed() {
        return departed;
    }

    /**
     * LEFT endpoints whose time is up: the expiry their status carries has passed on our wall clock,
     * or, for a status without one, we have known them LEFT for {@code retentionNanos}.
     */
    List<Endpoint> expiredLeft(long nowNanos, long wallMillis, long retentionNanos) {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<Endpoint, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            if (!e.leftSeen || me.getKey().equals(self)) {
                continue;
            }
            Optional<StatusValue> status = e.state.status();
            boolean expired = status.isPresent() && status.get().hasExpiry()
                    ? wallMillis >= status.get().expireAtMillis()
                    : nowNanos - e.leftSinceNanos >= retentionNanos;
            if (expired) {
                out.add(me.getKey());
            }
        }
        return out;
    }

    /** One digest per known endpoint, this node included: the body of a SYN. */
    List<GossipDigest> digests() {
        List<GossipDigest> out = new ArrayList<>(entries.size());
        for (Map.Entry<Endpoint, Entry> me : entries.entrySet()) {
            EndpointState s = me.getValue().state;
            out.add(new GossipDigest(me.getKey(), s.generation(), s.maxVersion()));
        }
        return out;
    }

    LivenessView view() {
        return view;
    }

    /** A consistent-enough copy for admin views: each state is immutable, the map is a snapshot. */
    Map<Endpoint, EndpointState> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(publishedStates));
    }

    EndpointState publishedState(Endpoint endpoint) {
        return publishedStates.get(endpoint);
    }

    private static void trackLeft(Entry e, long nowNanos) {
        boolean left = e.state.status().map(s -> s.status() == NodeStatus.LEFT).orElse(false);
        if (left && !e.leftSeen) {
            e.leftSeen = true;
            e.leftSinceNanos = nowNanos;
        } else if (!left) {
            e.leftSeen = false;
        }
    }

    private void publishView() {
        Set<Endpoint> live = new LinkedHashSet<>();
        Set<Endpoint> unreachable = new LinkedHashSet<>();
        for (Map.Entry<Endpoint, Entry> me : entries.entrySet()) {
            (me.getValue().alive ? live : unreachable).add(me.getKey());
        }
        live.add(self);
        view = new LivenessView(live, unreachable);
    }
}
