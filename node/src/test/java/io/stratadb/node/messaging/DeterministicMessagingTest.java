package io.stratadb.node.messaging;

import io.stratadb.node.testing.ManualRequestTimer;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.messaging.payload.EmptyPayload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory network in manual mode with a manual timer: no threads, no waiting, every interleaving
 * chosen by the test (how simulated cluster tests will drive Paxos and hints).
 */
class DeterministicMessagingTest {

    private static final Message PULL = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);

    private final ManualRequestTimer timer = new ManualRequestTimer();
    private final InMemoryMessagingNetwork network = InMemoryMessagingNetwork.manual();

    private AbstractMessagingService node(int i) {
        AbstractMessagingService s = network.newService(Endpoint.of("10.0.0." + i, 9471), new MetricRegistry(),
                Runnable::run, timer);
        s.start();
        s.registerHandler(Verb.SCHEMA_PULL, (from, m, r) -> r.reply(m));
        return s;
    }

    @Test
    void timeoutFiresWhenTimeIsAdvancedAndTheResponseIsThenLate() {
        AbstractMessagingService a = node(1);
        AbstractMessagingService b = node(2);
        CompletableFuture<Response> f = a.request(b.localEndpoint(), PULL, Duration.ofMillis(500));
        assertTrue(network.deliverNext()); // request reaches B, B's answer is queued
        timer.advance(499);
        assertFalse(f.isDone());
        timer.advance(1);
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(RequestTimeoutException.class, e.getCause());
        assertTrue(network.deliverNext()); // the answer arrives too late
        assertEquals(1, a.metrics().lateResponseCount());
    }

    @Test
    void threeNodesWithOneIsolated() {
        AbstractMessagingService a = node(1);
        AbstractMessagingService b = node(2);
        AbstractMessagingService c = node(3);
        MessageFilter.Rules ab = network.filter().dropBothWays(a.localEndpoint(), b.localEndpoint());
        MessageFilter.Rules ac = network.filter().dropBothWays(a.localEndpoint(), c.localEndpoint());
        CompletableFuture<Response> aToB = a.request(b.localEndpoint(), PULL, Duration.ofSeconds(1));
        CompletableFuture<Response> bToC = b.request(c.localEndpoint(), PULL, Duration.ofSeconds(1));
        CompletableFuture<Response> cToA = c.request(a.localEndpoint(), PULL, Duration.ofSeconds(1));
        network.deliverAll();
        assertEquals(PULL, bToC.join().message());
        assertFalse(aToB.isDone());
        assertFalse(cToA.isDone());
        timer.advance(1000);
        assertTrue(aToB.isCompletedExceptionally());
        assertTrue(cToA.isCompletedExceptionally());

        ab.lift();
        ac.lift();
        CompletableFuture<Response> healed = a.request(c.localEndpoint(), PULL, Duration.ofSeconds(1));
        network.deliverAll();
        assertEquals(c.localEndpoint(), healed.join().from());
    }
}
