package io.stratadb.gossip;

import io.stratadb.gossip.fd.PhiAccrualFailureDetector;
import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.messages.GossipDigestAck;
import io.stratadb.gossip.messages.GossipDigestAck2;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.messages.GossipWireFormat;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.gossip.state.VersionedValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster membership as a state machine. Inputs: {@link #tick()} once per gossip interval,
 * {@link #receive} for each message, and this node's own state changes; outputs: messages handed
 * to the {@link GossipTransport} and events for {@link EndpointStateListener}s. It owns no thread
 * and reads no clock of its own, so tests drive many gossipers in one JVM on simulated time.
 *
 * <p>Inputs are serialized on this object's lock; the liveness and state queries read published
 * snapshots and may be called from any thread without blocking gossip.
 */
public final class Gossiper {

    private static final Logger log = LoggerFactory.getLogger(Gossiper.class);
    /** Foreign-cluster peers are logged at WARN once each, up to this many, then at DEBUG. */
    private static final int MAX_FOREIGN_PEERS_LOGGED = 1024;

    private final GossipConfig config;
    private final GossipTransport transport;
    private final GossipClock clock;
    private final Endpoint self;
    private final List<Endpoint> seeds;
    private final Membership membership;
    private final PhiAccrualFailureDetector failureDetector;
    private final StateMerger merger;
    private final GossipPeerSelector peerSelector;
    private final List<EndpointStateListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Endpoint> foreignPeersLogged = new HashSet<>();
    private int versionCounter;
    private boolean started;
    private boolean stopped;
    private boolean warnedNewerIncarnation;

    /**
     * @param transport where outgoing messages go; called under this gossiper's lock, must not block
     * @param clock all time this gossiper and its failure detector read
     * @param random drives peer selection only; a seeded generator makes a run reproducible
     */
    public Gossiper(GossipConfig config, GossipTransport transport, GossipClock clock, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.self = config.localEndpoint();
        this.seeds = config.seeds().stream().filter(s -> !s.equals(self)).toList();
        this.membership = new Membership(self);
        this.failureDetector = new PhiAccrualFailureDetector(config.failureDetector());
        this.failureDetector.addConvictionListener(this::onConviction);
        this.merger = new StateMerger(membership, failureDetector, config);
        this.peerSelector = new GossipPeerSelector(Objects.requireNonNull(random, "random"));
    }

    /** Starts with a generation of the current wall-clock second; see {@link #start(long, Map)}. */
    public void start(Map<ApplicationState, String> initialStates) {
        start(HeartbeatState.newGeneration(clock.currentTimeMillis(), 0), initialStates);
    }

    /**
     * Starts gossiping as a new incarnation. The node should persist generations and pass one above
     * the last ({@link HeartbeatState#newGeneration}); a generation not above the previous
     * incarnation's would make peers ignore this one.
     */
    public synchronized void start(long generation, Map<ApplicationState, String> initialStates) {
        if (started) {
            throw new IllegalStateException("gossiper already started");
        }
        Map<ApplicationState, VersionedValue> states = new EnumMap<>(ApplicationState.class);
        for (ApplicationState key : statusLast(initialStates.keySet())) {
            states.put(key, new VersionedValue(checkedValue(key, initialStates.get(key)), nextVersion()));
        }
        membership.add(self, new EndpointState(new HeartbeatState(generation, nextVersion()), states),
                clock.nanoTime());
        started = true;
        log.info("Gossip started as {} generation {} with {}", self, generation, config);
    }

    /** One gossip round: beat, send a SYN to the chosen peers, judge peers, evict departed ones. */
    public synchronized void tick() {
        requireStarted();
        if (stopped) {
            return;
        }
        long now = clock.nanoTime();
        EndpointState local = membership.get(self);
        membership.update(self, local.withHeartbeat(local.heartbeat().withVersion(nextVersion())), now);

        GossipDigestSyn syn = new GossipDigestSyn(config.clusterName(), membership.digests());
        for (Endpoint target : peerSelector.chooseTargets(membership.liveRemote(), membership.unreachableTargets(),
                seeds)) {
            send(target, syn);
        }
        for (Endpoint ep : membership.remoteEndpoints()) {
            failureDetector.interpret(ep, now); // convictions arrive through onConviction
        }
        Notifications events = new Notifications();
        evictDepartedEndpoints(now, clock.currentTimeMillis(), events);
        membership.departed().expire(now);
        events.fire(listeners);
    }

    /** Handles one message from {@code from}, the sender's internode endpoint. */
    public synchronized void receive(Endpoint from, GossipMessage message) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(message, "message");
        if (!started || stopped) {
            log.debug("Dropping {} from {}: gossip not running", message.getClass().getSimpleName(), from);
            return;
        }
        if (from.equals(self)) {
            log.warn("Dropping {} that claims to come from this node's own endpoint {}",
                    message.getClass().getSimpleName(), self);
            return;
        }
        if (!config.clusterName().equals(message.clusterName())) {
            logForeignPeer(from, message.clusterName());
            return;
        }
        long now = clock.nanoTime();
        long wall = clock.currentTimeMillis();
        Notifications events = new Notifications();
        if (message instanceof GossipDigestSyn syn) {
            warnIfPeerHasNewerIncarnationOfUs(from, syn);
            ExchangePlanner.AckPlan plan = ExchangePlanner.planAck(syn.digests(), membership);
            if (!plan.isEmpty()) {
                send(from, new GossipDigestAck(config.clusterName(), plan.requests(), plan.states()));
            }
        } else if (message instanceof GossipDigestAck ack) {
            merger.merge(from, ack.states(), now, wall, events);
            Map<Endpoint, EndpointState> answer = ExchangePlanner.answerRequests(ack.requests(), membership);
            if (!answer.isEmpty()) {
                send(from, new GossipDigestAck2(config.clusterName(), answer));
            }
        } else if (message instanceof GossipDigestAck2 ack2) {
            merger.merge(from, ack2.states(), now, wall, events);
        }
        events.fire(listeners);
    }

    /** Announces a new value for one of this node's keys. */
    public void updateLocalState(ApplicationState key, String value) {
        updateLocalStates(Map.of(key, value));
    }

    /**
     * Announces several values at once; they reach peers in the same message, and STATUS gets the
     * highest version so no peer sees a new status without the values that came with it.
     */
    public synchronized void updateLocalStates(Map<ApplicationState, String> values) {
        requireStarted();
        Notifications events = new Notifications();
        EndpointState local = membership.get(self);
        for (ApplicationState key : statusLast(values.keySet())) {
            VersionedValue v = new VersionedValue(checkedValue(key, values.get(key)), nextVersion());
            local = local.with(key, v);
            events.change(self, key, v);
        }
        membership.update(self, local, clock.nanoTime());
        events.fire(listeners);
    }

    /**
     * Announces LEFT. Peers drop this endpoint once {@link GossipConfig#leftRetention()} has passed
     * (wall clock); the node should keep gossiping for a few rounds so the news spreads.
     */
    public void announceLeft() {
        long expiry = clock.currentTimeMillis() + config.leftRetention().toMillis();
        updateLocalState(ApplicationState.STATUS, StatusValue.left(expiry).encode());
    }

    /**
     * Announces SHUTDOWN straight to every live peer, so they mark this node down now instead of
     * waiting for the failure detector, then stops: later ticks and messages are ignored.
     */
    public synchronized void announceShutdown() {
        requireStarted();
        if (stopped) {
            return;
        }
        updateLocalState(ApplicationState.STATUS, StatusValue.of(NodeStatus.SHUTDOWN).encode());
        GossipDigestAck2 push = new GossipDigestAck2(config.clusterName(), Map.of(self, membership.get(self)));
        for (Endpoint peer : membership.liveRemote()) {
            send(peer, push);
        }
        stopped = true;
        log.info("Gossip stopped; announced shutdown to live peers");
    }

    public void register(EndpointStateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void unregister(EndpointStateListener listener) {
        listeners.remove(listener);
    }

    /** True for this node and for peers currently considered up. Lock-free. */
    public boolean isAlive(Endpoint endpoint) {
        return membership.view().live().contains(endpoint);
    }

    /** Endpoints considered up, this node included. Immutable snapshot. */
    public Set<Endpoint> liveEndpoints() {
        return membership.view().live();
    }

    /** Known endpoints considered down (including LEFT ones not yet evicted). Immutable snapshot. */
    public Set<Endpoint> unreachableEndpoints() {
        return membership.view().unreachable();
    }

    /** Every known endpoint's state, this node's included. Immutable snapshot. */
    public Map<Endpoint, EndpointState> endpointStates() {
        return membership.snapshot();
    }

    public Optional<EndpointState> endpointState(Endpoint endpoint) {
        return Optional.ofNullable(membership.publishedState(endpoint));
    }

    /** The failure detector's current suspicion of {@code endpoint}, for the admin view; 0 if unknown. */
    public double phi(Endpoint endpoint) {
        return failureDetector.phi(endpoint, clock.nanoTime());
    }

    public Endpoint localEndpoint() {
        return self;
    }

    public GossipConfig config() {
        return config;
    }

    /** Called by the failure detector from within {@link #tick()}, on this thread and under this lock. */
    private synchronized void onConviction(Endpoint endpoint, double phi) {
        Notifications events = new Notifications();
        membership.markDead(endpoint, String.format("phi %.2f > %.2f", phi,
                config.failureDetector().phiConvictThreshold()), events);
        events.fire(listeners);
    }

    private void evictDepartedEndpoints(long nowNanos, long wallMillis, Notifications events) {
        long forgetAt = nowNanos + config.quarantine().toNanos();
        for (Endpoint ep : membership.expiredLeft(nowNanos, wallMillis, config.leftRetention().toNanos())) {
            membership.markDead(ep, "left", events);
            membership.evict(ep, forgetAt);
            failureDetector.remove(ep);
            events.remove(ep);
            log.info("Evicted {} (LEFT); ignoring gossip about that incarnation for {}", ep, config.quarantine());
        }
    }

    /**
     * A peer holding a newer generation of this endpoint than ours will ignore everything we say:
     * our clock went back without a persisted generation, or another node uses our address.
     */
    private void warnIfPeerHasNewerIncarnationOfUs(Endpoint from, GossipDigestSyn syn) {
        long mine = membership.get(self).generation();
        for (GossipDigest digest : syn.digests()) {
            if (digest.endpoint().equals(self) && digest.generation() > mine && !warnedNewerIncarnation) {
                warnedNewerIncarnation = true;
                log.warn("{} knows generation {} of this node, newer than ours ({}); peers will ignore us until "
                        + "our generation passes it. Was the generation not persisted, or is {} used twice?",
                        from, digest.generation(), mine, self);
            }
        }
    }

    private void send(Endpoint to, GossipMessage message) {
        try {
            transport.send(to, message);
        } catch (RuntimeException e) {
            log.warn("Sending {} to {} failed", message.getClass().getSimpleName(), to, e);
        }
    }

    private void logForeignPeer(Endpoint from, String clusterName) {
        if (foreignPeersLogged.size() < MAX_FOREIGN_PEERS_LOGGED && foreignPeersLogged.add(from)) {
            log.warn("Ignoring gossip from {}: it is in cluster '{}', this node is in '{}'", from, clusterName,
                    config.clusterName());
        } else {
            log.debug("Ignoring gossip from {} of cluster '{}'", from, clusterName);
        }
    }

    private int nextVersion() {
        return ++versionCounter;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("gossiper not started");
        }
    }

    private static String checkedValue(ApplicationState key, String value) {
        Objects.requireNonNull(value, () -> "value of " + key);
        if (value.getBytes(StandardCharsets.UTF_8).length > GossipWireFormat.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(key + " value exceeds " + GossipWireFormat.MAX_VALUE_BYTES + " bytes");
        }
        return value;
    }

    /** Keys in declaration order with STATUS moved last (see {@link #updateLocalStates}). */
    private static List<ApplicationState> statusLast(Set<ApplicationState> keys) {
        List<ApplicationState> ordered = new ArrayList<>(keys);
        ordered.forEach(k -> Objects.requireNonNull(k, "key"));
        ordered.sort(null); // enum order
        if (ordered.remove(ApplicationState.STATUS)) {
            ordered.add(ApplicationState.STATUS);
        }
        return ordered;
    }
}
