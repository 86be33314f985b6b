package io.stratadb.gossip.sim;

import io.stratadb.gossip.GossipTransport;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.state.Endpoint;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Message delivery between simulated nodes: each message is encoded, held for a random latency,
 * then decoded and handed to the receiver. Links can be cut one-way or between two sets of nodes
 * (checked both when sending and when delivering, so a partition also catches messages in flight),
 * and a fraction of all messages can be dropped.
 */
public final class SimulatedNetwork {

    private record Link(Endpoint from, Endpoint to) {
    }

    private final EventLoop loop;
    private final RandomGenerator random;
    private final MessageBytes codec = new MessageBytes();
    private final Map<Endpoint, BiConsumer<Endpoint, GossipMessage>> receivers = new HashMap<>();
    private final Set<Link> cut = new HashSet<>();
    private double dropProbability;
    private long minLatencyNanos = Duration.ofMillis(1).toNanos();
    private long maxLatencyNanos = Duration.ofMillis(20).toNanos();
    private long sent;
    private long delivered;
    private long dropped;
    private long bytesSent;

    public SimulatedNetwork(EventLoop loop, RandomGenerator random) {
        this.loop = loop;
        this.random = random;
    }

    /** Registers who receives messages addressed to {@code endpoint}. */
    public void attach(Endpoint endpoint, BiConsumer<Endpoint, GossipMessage> receiver) {
        receivers.put(endpoint, receiver);
    }

    public GossipTransport transportFor(Endpoint from) {
        return (to, message) -> send(from, to, message);
    }

    /** Cuts every link between a node of {@code a} and a node of {@code b}, both ways. */
    public void partition(Collection<Endpoint> a, Collection<Endpoint> b) {
        for (Endpoint x : a) {
            for (Endpoint y : b) {
                cut.add(new Link(x, y));
                cut.add(new Link(y, x));
            }
        }
    }

    /** Cuts the link from {@code from} to {@code to} only. */
    public void cutOneWay(Endpoint from, Endpoint to) {
        cut.add(new Link(from, to));
    }

    public void heal() {
        cut.clear();
    }

    public void setDropProbability(double p) {
        this.dropProbability = p;
    }

    public void setLatency(Duration min, Duration max) {
        this.minLatencyNanos = min.toNanos();
        this.maxLatencyNanos = max.toNanos();
    }

    public long sent() {
        return sent;
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    public long bytesSent() {
        return bytesSent;
    }

    private void send(Endpoint from, Endpoint to, GossipMessage message) {
        sent++;
        byte[] bytes = codec.encode(message);
        bytesSent += bytes.length;
        double roll = random.nextDouble();
        long latency = minLatencyNanos + (maxLatencyNanos > minLatencyNanos
                ? random.nextLong(maxLatencyNanos - minLatencyNanos + 1) : 0);
        if (cut.contains(new Link(from, to)) || roll < dropProbability) {
            dropped++;
            return;
        }
        loop.scheduleAfter(latency, () -> deliver(from, to, bytes));
    }

    private void deliver(Endpoint from, Endpoint to, byte[] bytes) {
        BiConsumer<Endpoint, GossipMessage> receiver = receivers.get(to);
        if (receiver == null || cut.contains(new Link(from, to))) {
            dropped++;
            return;
        }
        delivered++;
        receiver.accept(from, codec.decode(bytes));
    }
}
