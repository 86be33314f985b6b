package io.stratadb.gossip.sim;

import io.stratadb.gossip.GossipConfig;
import io.stratadb.gossip.Gossiper;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One simulated node: a gossiper ticked once per gossip interval by the event loop and fed by the
 * network. {@link #stop()} models a crash or a frozen process (no ticks, incoming messages lost);
 * {@link #resume()} continues the same incarnation; {@link #restart()} starts a new one.
 */
public final class SimulatedNode {

    private final Endpoint endpoint;
    private final GossipConfig config;
    private final EventLoop loop;
    private final SimulatedNetwork network;
    private final RandomGenerator random;
    private final RecordingListener events;
    private final Map<ApplicationState, String> initialStates;
    private Gossiper gossiper;
    private long generation;
    private boolean running;
    private long nextTickNanos;

    SimulatedNode(GossipConfig config, EventLoop loop, SimulatedNetwork network, RandomGenerator random,
                  Map<ApplicationState, String> initialStates) {
        this.endpoint = config.localEndpoint();
        this.config = config;
        this.loop = loop;
        this.network = network;
        this.random = random;
        this.events = new RecordingListener(loop.clock());
        this.initialStates = new LinkedHashMap<>(initialStates);
        network.attach(endpoint, this::deliver);
    }

    /** Starts the first incarnation; its first tick comes at {@code firstTickNanos}. */
    public void start(long firstTickNanos) {
        if (gossiper != null) {
            throw new IllegalStateException(endpoint + " already started");
        }
        launch();
        scheduleTick(firstTickNanos);
    }

    /** A new incarnation with a higher generation and the same initial states. */
    public void restart() {
        launch();
    }

    public void stop() {
        running = false;
    }

    public void resume() {
        running = true;
    }

    public boolean isRunning() {
        return running;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Gossiper gossiper() {
        return gossiper;
    }

    public RecordingListener events() {
        return events;
    }

    /** When the tick loop next fires (whether or not the node is running then). */
    public long nextTickNanos() {
        return nextTickNanos;
    }

    /** The gossip interval in nanos. */
    public long interval() {
        return config.gossipInterval().toNanos();
    }

    public long generation() {
        return generation;
    }

    /** What this node itself announces (its own entry in its own table). */
    public EndpointState localState() {
        return gossiper.endpointState(endpoint).orElseThrow();
    }

    public Map<ApplicationState, String> initialStates() {
        return Map.copyOf(initialStates);
    }

    private void launch() {
        generation = HeartbeatState.newGeneration(loop.clock().currentTimeMillis(), generation);
        gossiper = new Gossiper(config, network.transportFor(endpoint), loop.clock(), random);
        gossiper.register(events);
        gossiper.start(generation, initialStates);
        running = true;
    }

    private void scheduleTick(long atNanos) {
        nextTickNanos = atNanos;
        loop.schedule(atNanos, () -> {
            if (running) {
                gossiper.tick();
            }
            scheduleTick(atNanos + config.gossipInterval().toNanos());
        });
    }

    private void deliver(Endpoint from, GossipMessage message) {
        if (running) {
            gossiper.receive(from, message);
        }
    }
}
