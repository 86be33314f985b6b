package io.stratadb.gossip.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one endpoint: its heartbeat and the values it announced. Immutable; merging
 * gossip produces new instances. Liveness is deliberately not in here: it is each observer's own
 * opinion, while this state is the endpoint's own word, identical on every node once gossip settles.
 */
public final class EndpointState {

    private final HeartbeatState heartbeat;
    private final Map<ApplicationState, VersionedValue> states;

    public EndpointState(HeartbeatState heartbeat, Map<ApplicationState, VersionedValue> states) {
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        // EnumMap keeps keys in declaration order, which keeps messages and logs stable.
        EnumMap<ApplicationState, VersionedValue> copy = new EnumMap<>(ApplicationState.class);
        for (Map.Entry<ApplicationState, VersionedValue> e : states.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        this.states = Collections.unmodifiableMap(copy);
    }

    public static EndpointState of(HeartbeatState heartbeat) {
        return new EndpointState(heartbeat, Map.of());
    }

    public HeartbeatState heartbeat() {
        return heartbeat;
    }

    public long generation() {
        return heartbeat.generation();
    }

    /** All announced values, in {@link ApplicationState} order; unmodifiable. */
    public Map<ApplicationState, VersionedValue> states() {
        return states;
    }

    /** The announced value for {@code key}, or {@code null} if the endpoint never announced it. */
    public VersionedValue get(ApplicationState key) {
        return states.get(key);
    }

    /** The endpoint's status, if announced and readable. */
    public Optional<StatusValue> status() {
        VersionedValue v = states.get(ApplicationState.STATUS);
        return v == null ? Optional.empty() : StatusValue.parse(v.value());
    }

    /** True if the endpoint announced LEFT or SHUTDOWN. */
    public boolean isDeadState() {
        return status().map(s -> s.status().isDeadState()).orElse(false);
    }

    /** The highest version anywhere in this state: what a digest advertises. */
    public int maxVersion() {
        int max = heartbeat.version();
        for (VersionedValue v : states.values()) {
            max = Math.max(max, v.version());
        }
        return max;
    }

    public EndpointState withHeartbeat(HeartbeatState newHeartbeat) {
        return new EndpointState(newHeartbeat, states);
    }

    public EndpointState with(ApplicationState key, VersionedValue value) {
        EnumMap<ApplicationState, VersionedValue> copy = new EnumMap<>(ApplicationState.class);
        copy.putAll(states);
        copy.put(key, value);
        return new EndpointState(heartbeat, copy);
    }

    /**
     * The part of this state a peer that has seen everything up to {@code version} is missing. The
     * heartbeat is always included, even if not newer, because it carries the generation the values
     * belong to.
     */
    public EndpointState newerThan(int version) {
        EnumMap<ApplicationState, VersionedValue> newer = new EnumMap<>(ApplicationState.class);
        for (Map.Entry<ApplicationState, VersionedValue> e : states.entrySet()) {
            if (e.getValue().version() > version) {
                newer.put(e.getKey(), e.getValue());
            }
        }
        return new EndpointState(heartbeat, newer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointState other && heartbeat.equals(other.heartbeat) && states.equals(other.states);
    }

    @Override
    public int hashCode() {
        return 31 * heartbeat.hashCode() + states.hashCode();
    }

    @Override
    public String toString() {
        return "EndpointState{" + heartbeat + ", " + states + "}";
    }
}
