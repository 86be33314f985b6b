package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.messages.GossipDigestAck;
import io.stratadb.gossip.messages.GossipDigestAck2;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.sim.CapturingTransport;
import io.stratadb.gossip.sim.RecordingListener;
import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedClock;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.gossip.state.VersionedValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One gossiper driven by hand: what it sends for each input, and how it merges what it receives. */
class GossiperTest {

    private static final String CLUSTER = "test";
    private static final Endpoint A = Endpoint.of("127.0.0.1", 7000);
    private static final Endpoint SEED = Endpoint.of("127.0.0.1", 7001);
    private static final Endpoint X = Endpoint.of("127.0.0.1", 7002);
    private static final Endpoint B = Endpoint.of("127.0.0.1", 7003);
    private static final long GEN = 1_700_000_000L;

    private final SimulatedClock clock = new SimulatedClock(GEN * 1000);
    private final CapturingTransport transport = new CapturingTransport();
    private final RecordingListener events = new RecordingListener(clock);
    private Gossiper gossiper;

    @BeforeEach
    void startA() {
        gossiper = new Gossiper(GossipConfig.builder(CLUSTER, A).seeds(Set.of(A, SEED)).build(), transport, clock,
                new SplittableRandom(1));
        gossiper.register(events);
        gossiper.start(GEN, Map.of(ApplicationState.STATUS, "NORMAL", ApplicationState.TOKENS, "1,2"));
    }

    @Test
    void aLoneNodeSendsItsDigestToASeedEveryTick() {
        gossiper.tick();
        List<CapturingTransport.Sent> sent = transport.drain();
        assertEquals(1, sent.size());
        assertEquals(SEED, sent.get(0).to());
        GossipDigestSyn syn = (GossipDigestSyn) sent.get(0).message();
        assertEquals(CLUSTER, syn.clusterName());
        assertEquals(List.of(new GossipDigest(A, GEN, 4)), syn.digests());

        gossiper.tick();
        assertEquals(List.of(new GossipDigest(A, GEN, 5)), transport.drain(GossipDigestSyn.class).get(0).digests());
    }

    @Test
    void tickBeforeStartIsAProgrammingError() {
        Gossiper unstarted = new Gossiper(GossipConfig.builder(CLUSTER, A).build(), transport, clock,
                new SplittableRandom(1));
        assertThrows(IllegalStateException.class, unstarted::tick);
        assertThrows(IllegalStateException.class, () -> gossiper.start(GEN + 1, Map.of()));
    }

    @Test
    void localValuesAndTheHeartbeatShareOneVersionCounterAndStatusComesLast() {
        EndpointState local = gossiper.endpointState(A).orElseThrow();
        assertEquals(1, local.get(ApplicationState.TOKENS).version());
        assertEquals(2, local.get(ApplicationState.STATUS).version(), "STATUS after the other initial values");
        assertEquals(3, local.heartbeat().version());

        gossiper.updateLocalStates(Map.of(ApplicationState.STATUS, "LEAVING", ApplicationState.LOAD, "10"));
        local = gossiper.endpointState(A).orElseThrow();
        assertEquals(4, local.get(ApplicationState.LOAD).version());
        assertEquals(5, local.get(ApplicationState.STATUS).version());
        assertEquals(List.of(ApplicationState.LOAD, ApplicationState.STATUS),
                events.since(Kind.CHANGE, 0).stream().map(RecordingListener.Event::key).toList());
        gossiper.tick();
        assertEquals(6, gossiper.endpointState(A).orElseThrow().heartbeat().version());
    }

    @Test
    void aSynFromAStrangerIsAnsweredWithARequestForItAndWithOurOwnState() {
        gossiper.receive(B, new GossipDigestSyn(CLUSTER, List.of(new GossipDigest(B, 100, 5))));
        GossipDigestAck ack = single(GossipDigestAck.class);
        assertEquals(List.of(new GossipDigest(B, 100, 0)), ack.requests());
        assertEquals(Map.of(A, gossiper.endpointState(A).orElseThrow()), ack.states());
    }

    @Test
    void digestsAreComparedByGenerationThenVersion() {
        learn(X, state(100, 10, ApplicationState.TOKENS, "x", 5, ApplicationState.RACK, "r1", 8));
        EndpointState x = gossiper.endpointState(X).orElseThrow();

        // In sync: nothing to say.
        synFromB(new GossipDigest(X, 100, 10));
        assertTrue(transport.drain().isEmpty());
        // B is behind in the same generation: B gets what lies above its version.
        synFromB(new GossipDigest(X, 100, 6));
        assertEquals(Map.of(X, x.newerThan(6)), single(GossipDigestAck.class).states());
        // B is ahead in the same generation: we ask for what lies above ours.
        synFromB(new GossipDigest(X, 100, 20));
        assertEquals(List.of(new GossipDigest(X, 100, 10)), single(GossipDigestAck.class).requests());
        // B has a newer incarnation: we ask for all of it.
        synFromB(new GossipDigest(X, 101, 1));
        assertEquals(List.of(new GossipDigest(X, 101, 0)), single(GossipDigestAck.class).requests());
        // B has an older incarnation: B gets all of ours.
        synFromB(new GossipDigest(X, 99, 50));
        assertEquals(Map.of(X, x), single(GossipDigestAck.class).states());
    }

    @Test
    void anAckIsMergedAndItsRequestsAnsweredWithAnAck2() {
        EndpointState b = state(200, 3, ApplicationState.TOKENS, "b", 1);
        gossiper.receive(B, new GossipDigestAck(CLUSTER, List.of(new GossipDigest(A, GEN, 1)), Map.of(B, b)));
        assertEquals(b, gossiper.endpointState(B).orElseThrow());
        assertTrue(gossiper.isAlive(B), "state straight from B proves B is up");
        GossipDigestAck2 ack2 = single(GossipDigestAck2.class);
        assertEquals(Map.of(A, gossiper.endpointState(A).orElseThrow().newerThan(1)), ack2.states());
    }

    @Test
    void aHigherGenerationReplacesTheWholeStateAndAnOlderOneIsIgnored() {
        learnDirectly(X, state(100, 10, ApplicationState.TOKENS, "x", 5, ApplicationState.RACK, "r1", 8));
        assertTrue(gossiper.isAlive(X));

        EndpointState restarted = state(101, 2, ApplicationState.TOKENS, "y", 1);
        learnDirectly(X, restarted);
        assertEquals(restarted, gossiper.endpointState(X).orElseThrow(), "RACK of the old incarnation is gone");
        assertEquals(List.of(Kind.JOIN, Kind.ALIVE, Kind.DEAD, Kind.RESTART, Kind.ALIVE), kindsFor(X));

        learnDirectly(X, state(100, 999, ApplicationState.TOKENS, "old", 998));
        assertEquals(restarted, gossiper.endpointState(X).orElseThrow());
        assertEquals(5, kindsFor(X).size(), "no events for the old incarnation");
    }

    @Test
    void withinAGenerationEachValueAndTheHeartbeatAreTakenOnlyIfNewer() {
        learn(X, state(100, 10, ApplicationState.TOKENS, "a", 5, ApplicationState.RACK, "r1", 6));
        learn(X, state(100, 8, ApplicationState.TOKENS, "b", 7, ApplicationState.RACK, "old", 4));
        EndpointState merged = gossiper.endpointState(X).orElseThrow();
        assertEquals(new HeartbeatState(100, 10), merged.heartbeat());
        assertEquals(new VersionedValue("b", 7), merged.get(ApplicationState.TOKENS));
        assertEquals(new VersionedValue("r1", 6), merged.get(ApplicationState.RACK));
        assertEquals(1, events.events(Kind.CHANGE, X).size());
    }

    @Test
    void statusIsNotifiedAfterTheValuesThatCameWithIt() {
        learn(X, state(100, 1));
        learn(X, state(100, 2, ApplicationState.STATUS, "NORMAL", 2, ApplicationState.TOKENS, "t", 3,
                ApplicationState.DATACENTER, "dc", 4));
        assertEquals(List.of(ApplicationState.TOKENS, ApplicationState.DATACENTER, ApplicationState.STATUS),
                events.events(Kind.CHANGE, X).stream().map(RecordingListener.Event::key).toList());
    }

    @Test
    void secondHandNewsOfANewEndpointDoesNotMakeItAliveButAGrowingHeartbeatDoes() {
        learn(X, state(100, 10));
        assertFalse(gossiper.isAlive(X));
        assertTrue(gossiper.unreachableEndpoints().contains(X));
        learn(X, state(100, 11));
        assertTrue(gossiper.isAlive(X));
        assertEquals(Set.of(A, X), gossiper.liveEndpoints());
    }

    @Test
    void aDeadStatusMarksTheEndpointDownAndStaleHeartbeatsDoNotRaiseIt() {
        learnDirectly(X, state(100, 10, ApplicationState.STATUS, "NORMAL", 1));
        learn(X, state(100, 12, ApplicationState.STATUS, StatusValue.of(NodeStatus.SHUTDOWN).encode(), 11));
        assertFalse(gossiper.isAlive(X));
        learn(X, state(100, 13));
        assertFalse(gossiper.isAlive(X), "a node that said SHUTDOWN stays down until it restarts");
    }

    @Test
    void messagesFromAnotherClusterAreIgnored() {
        gossiper.receive(B, new GossipDigestSyn("other", List.of(new GossipDigest(B, 100, 5))));
        gossiper.receive(B, new GossipDigestAck("other", List.of(new GossipDigest(A, GEN, 0)),
                Map.of(B, state(100, 5))));
        gossiper.receive(B, new GossipDigestAck2("other", Map.of(X, state(100, 5))));
        assertTrue(transport.drain().isEmpty());
        assertEquals(Set.of(A), gossiper.endpointStates().keySet());
        assertTrue(events.events().isEmpty());
    }

    @Test
    void aGenerationImplausiblyFarInTheFutureIsIgnored() {
        long twoYears = Duration.ofDays(730).toSeconds();
        learn(X, state(GEN + twoYears, 1));
        assertTrue(gossiper.endpointState(X).isEmpty(), "a new endpoint from two years in the future");
        learn(X, state(GEN - 3600, 1));
        learn(X, state(GEN + twoYears, 1));
        assertEquals(GEN - 3600, gossiper.endpointState(X).orElseThrow().generation(), "a restart into the future");
        learn(X, state(GEN + 5, 1));
        assertEquals(GEN + 5, gossiper.endpointState(X).orElseThrow().generation(), "a real restart");
    }

    @Test
    void stateAboutOurselvesFromPeersIsIgnoredAndNeverRequested() {
        EndpointState mine = gossiper.endpointState(A).orElseThrow();
        learn(A, state(GEN + 5, 1, ApplicationState.STATUS, "LEFT", 1));
        assertEquals(mine, gossiper.endpointState(A).orElseThrow());
        gossiper.receive(B, new GossipDigestSyn(CLUSTER, List.of(new GossipDigest(A, GEN + 5, 1),
                new GossipDigest(B, 100, 1))));
        assertEquals(List.of(new GossipDigest(B, 100, 0)), single(GossipDigestAck.class).requests());
    }

    @Test
    void aListenerThatThrowsDoesNotStopOtherListenersOrGossip() {
        Gossiper g = new Gossiper(GossipConfig.builder(CLUSTER, A).build(), transport, clock, new SplittableRandom(1));
        g.register(new EndpointStateListener() {
            @Override
            public void onJoin(Endpoint endpoint, EndpointState state) {
                throw new IllegalStateException("listener bug");
            }
        });
        RecordingListener second = new RecordingListener(clock);
        g.register(second);
        g.start(GEN, Map.of());
        g.receive(B, new GossipDigestAck2(CLUSTER, Map.of(X, state(100, 1))));
        assertEquals(1, second.events(Kind.JOIN, X).size());
        assertTrue(g.endpointState(X).isPresent());
    }

    @Test
    void announcingShutdownPushesOurStateToLivePeersAndStops() {
        learnDirectly(X, state(100, 1));
        learnDirectly(B, state(100, 1));
        gossiper.announceShutdown();
        List<CapturingTransport.Sent> sent = transport.drain();
        assertEquals(Set.of(X, B), Set.copyOf(sent.stream().map(CapturingTransport.Sent::to).toList()));
        GossipDigestAck2 push = (GossipDigestAck2) sent.get(0).message();
        assertEquals("SHUTDOWN", push.states().get(A).get(ApplicationState.STATUS).value());

        gossiper.tick();
        gossiper.receive(B, new GossipDigestSyn(CLUSTER, List.of(new GossipDigest(B, 100, 5))));
        assertTrue(transport.drain().isEmpty(), "a stopped gossiper is silent");
    }

    @Test
    void oversizedLocalValuesAreRejectedBeforeTheyCanBreakMessages() {
        String huge = "x".repeat((1 << 20) + 1);
        assertThrows(IllegalArgumentException.class, () -> gossiper.updateLocalState(ApplicationState.TOKENS, huge));
    }

    @Test
    void aConvictedPeerIsMarkedDownAtATickAndPhiIsReported() {
        learnDirectly(X, state(100, 1));
        for (int i = 2; i <= 30; i++) {
            clock.advance(Duration.ofSeconds(1));
            learn(X, state(100, i));
            gossiper.tick();
        }
        assertTrue(gossiper.phi(X) < 1);
        for (int s = 1; s <= 17; s++) {
            clock.advance(Duration.ofSeconds(1));
            gossiper.tick();
        }
        assertTrue(gossiper.isAlive(X), "phi " + gossiper.phi(X) + " should still be under 8 after 17 s");
        for (int s = 0; s < 4; s++) {
            clock.advance(Duration.ofSeconds(1));
            gossiper.tick();
        }
        assertFalse(gossiper.isAlive(X), "phi " + gossiper.phi(X));
        assertTrue(gossiper.phi(X) > 8);
        assertEquals(1, events.events(Kind.DEAD, X).size());
    }

    private void learn(Endpoint about, EndpointState state) {
        gossiper.receive(B.equals(about) ? SEED : B, new GossipDigestAck2(CLUSTER, Map.of(about, state)));
        transport.drain();
    }

    private void learnDirectly(Endpoint about, EndpointState state) {
        gossiper.receive(about, new GossipDigestAck2(CLUSTER, Map.of(about, state)));
        transport.drain();
    }

    private void synFromB(GossipDigest digest) {
        gossiper.receive(B, new GossipDigestSyn(CLUSTER, List.of(digest,
                new GossipDigest(A, GEN, gossiper.endpointState(A).orElseThrow().maxVersion()))));
    }

    private <M> M single(Class<M> type) {
        List<CapturingTransport.Sent> sent = transport.drain();
        assertEquals(1, sent.size(), sent.toString());
        return type.cast(sent.get(0).message());
    }

    private List<Kind> kindsFor(Endpoint ep) {
        return events.events().stream().filter(e -> e.endpoint().equals(ep) && e.kind() != Kind.CHANGE)
                .map(RecordingListener.Event::kind).toList();
    }

    /** A state of generation {@code gen}, heartbeat {@code hb}, then (key, value, version) triples. */
    static EndpointState state(long gen, int hb, Object... keyValueVersion) {
        EndpointState s = EndpointState.of(new HeartbeatState(gen, hb));
        for (int i = 0; i < keyValueVersion.length; i += 3) {
            s = s.with((ApplicationState) keyValueVersion[i],
                    new VersionedValue((String) keyValueVersion[i + 1], (Integer) keyValueVersion[i + 2]));
        }
        return s;
    }
}
