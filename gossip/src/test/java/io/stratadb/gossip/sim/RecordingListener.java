package io.stratadb.gossip.sim;

import io.stratadb.gossip.EndpointStateListener;
import io.stratadb.gossip.GossipClock;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every listener event with the simulated time it happened, for assertions. */
public final class RecordingListener implements EndpointStateListener {

    public enum Kind { JOIN, CHANGE, ALIVE, DEAD, RESTART, REMOVE }

    /** One event; {@code key} and {@code value} are set for CHANGE only. */
    public record Event(long atNanos, Kind kind, Endpoint endpoint, ApplicationState key, String value) {
    }

    private final GossipClock clock;
    private final List<Event> events = new ArrayList<>();

    public RecordingListener(GossipClock clock) {
        this.clock = clock;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(Kind kind, Endpoint endpoint) {
        return events.stream().filter(e -> e.kind == kind && e.endpoint.equals(endpoint)).toList();
    }

    public long count(Kind kind) {
        return events.stream().filter(e -> e.kind == kind).count();
    }

    /** Events of a kind at or after {@code fromNanos}. */
    public List<Event> since(Kind kind, long fromNanos) {
        return events.stream().filter(e -> e.kind == kind && e.atNanos >= fromNanos).toList();
    }

    public Optional<Event> first(Kind kind, Endpoint endpoint, long fromNanos) {
        return events.stream().filter(e -> e.kind == kind && e.endpoint.equals(endpoint) && e.atNanos >= fromNanos)
                .findFirst();
    }

    @Override
    public void onJoin(Endpoint endpoint, EndpointState state) {
        record(Kind.JOIN, endpoint, null, null);
    }

    @Override
    public void onChange(Endpoint endpoint, ApplicationState key, VersionedValue value) {
        record(Kind.CHANGE, endpoint, key, value.value());
    }

    @Override
    public void onAlive(Endpoint endpoint, EndpointState state) {
        record(Kind.ALIVE, endpoint, null, null);
    }

    @Override
    public void onDead(Endpoint endpoint, EndpointState state) {
        record(Kind.DEAD, endpoint, null, null);
    }

    @Override
    public void onRestart(Endpoint endpoint, EndpointState state) {
        record(Kind.RESTART, endpoint, null, null);
    }

    @Override
    public void onRemove(Endpoint endpoint) {
        record(Kind.REMOVE, endpoint, null, null);
    }

    private void record(Kind kind, Endpoint endpoint, ApplicationState key, String value) {
        events.add(new Event(clock.nanoTime(), kind, endpoint, key, value));
    }
}
