package io.stratadb.node.cluster;

import io.stratadb.gossip.EndpointStateListener;
import io.stratadb.gossip.GossipClock;
import io.stratadb.gossip.GossipConfig;
import io.stratadb.gossip.Gossiper;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.messaging.GossipMessagingBridge;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.storage.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs this node's {@link Gossiper}: carries its messages over internode messaging, ticks it once per
 * gossip interval on its own thread, and refreshes the LOAD it announces every few rounds. The gossip
 * logic itself stays a socket-free state machine in the gossip module.
 */
public final class GossipService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GossipService.class);
    /** LOAD changes slowly and every change costs a gossip version: announce it every this many rounds. */
    private static final int LOAD_EVERY_ROUNDS = 10;

    private final Gossiper gossiper;
    private final GossipConfig config;
    private final ScheduledExecutorService ticker;
    private final LongSupplier load;
    private long rounds;
    private String lastLoad = "";

    public GossipService(GossipConfig config, MessagingService messaging, Clock clock, LongSupplier load,
                         NodeThreadFactory threads) {
        this.config = config;
        this.load = load;
        GossipMessagingBridge bridge = new GossipMessagingBridge(messaging);
        this.gossiper = new Gossiper(config, bridge, gossipClock(clock), new SplittableRandom());
        bridge.registerHandlers(gossiper::receive);
        this.ticker = Executors.newSingleThreadScheduledExecutor(threads);
    }

    public Gossiper gossiper() {
        return gossiper;
    }

    public void register(EndpointStateListener listener) {
        gossiper.register(listener);
    }

    /** Starts gossiping as incarnation {@code generation} with these values, and the ticker. */
    public void start(long generation, Map<ApplicationState, String> states) {
        gossiper.start(generation, states);
        long interval = config.gossipInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            gossiper.tick();
            if (rounds++ % LOAD_EVERY_ROUNDS == 0) {
                String now = Long.toString(load.getAsLong());
                if (!now.equals(lastLoad)) {
                    lastLoad = now;
                    gossiper.updateLocalState(ApplicationState.LOAD, now);
                }
            }
        } catch (RuntimeException e) {
            // A failed round must not end gossip: the executor would cancel every later round.
            log.error("Gossip round failed", e);
        }
    }

    /** Tells live peers this node is going down (so they stop sending at once), then stops ticking. */
    @Override
    public void close() {
        try {
            gossiper.announceShutdown();
        } catch (RuntimeException e) {
            log.warn("Could not announce shutdown: {}", e.toString());
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static GossipClock gossipClock(Clock clock) {
        return new GossipClock() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public long currentTimeMillis() {
                return clock.currentTimeMicros() / 1000;
            }
        };
    }
}
