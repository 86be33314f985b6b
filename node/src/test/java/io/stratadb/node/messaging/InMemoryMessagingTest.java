package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.messaging.payload.EmptyPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract over the in-memory network, plus its manual stepping mode. */
class InMemoryMessagingTest extends MessagingServiceContractTest {

    private InMemoryMessagingNetwork network;
    private int nextPort = 7000;

    @BeforeEach
    void newNetwork() {
        network = InMemoryMessagingNetwork.withExecutor(pool);
    }

    @Override
    protected AbstractMessagingService create(String name) {
        AbstractMessagingService s = network.newService(Endpoint.of("127.0.0.1", nextPort++), registry(), pool, timer);
        s.start();
        return s;
    }

    @Override
    protected MessageFilter filter() {
        return network.filter();
    }

    @Test
    void manualNetworkDeliversOnlyWhenStepped() throws Exception {
        InMemoryMessagingNetwork manual = InMemoryMessagingNetwork.manual();
        AbstractMessagingService a = manual.newService(Endpoint.of("10.0.0.1", 1), new MetricRegistry(), Runnable::run, timer);
        AbstractMessagingService b = manual.newService(Endpoint.of("10.0.0.2", 1), new MetricRegistry(), Runnable::run, timer);
        a.start();
        b.start();
        try {
            echo(b, Verb.SCHEMA_PULL);
            Message pull = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);
            CompletableFuture<Response> f = a.request(b.localEndpoint(), pull, LONG);
            assertFalse(f.isDone());
            assertTrue(manual.deliverNext()); // the request
            assertFalse(f.isDone());
            assertEquals(1, manual.deliverAll()); // the response
            assertEquals(pull, f.join().message());
            assertFalse(manual.deliverNext());
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void messageToUnknownNodeIsLostNotThrown() {
        AbstractMessagingService a = service("a");
        Endpoint nobody = Endpoint.of("10.9.9.9", 9);
        Throwable t = failure(a.request(nobody, Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE), LONG));
        assertTrue(t instanceof MessagingException, String.valueOf(t));
        assertEquals(1, a.metrics().droppedCount(Verb.SCHEMA_PULL));
    }
}
