package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.concurrent.WheelRequestTimer;
import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.FailurePayload;
import io.stratadb.node.messaging.payload.OpaquePayload;
import io.stratadb.node.messaging.payload.ReadPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link MessagingService} must do, run over each transport by a subclass (Ratis-style): the
 * subclass only says how to build a started service and which filter the services share.
 */
abstract class MessagingServiceContractTest {

    static final Duration LONG = Duration.ofSeconds(20);
    static final Duration SHORT = Duration.ofMillis(200);

    protected RequestTimer timer;
    protected ThreadPoolExecutor pool;
    private final List<AutoCloseable> services = new ArrayList<>();

    /** A started service named {@code name}, on a fresh endpoint, using {@link #filter()}. */
    protected abstract AbstractMessagingService create(String name);

    protected abstract MessageFilter filter();

    @BeforeEach
    void startInfrastructure() {
        timer = new WheelRequestTimer(new NodeThreadFactory("test", "timer"));
        pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NodeThreadFactory("test", "handlers"));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : services) {
            c.close();
        }
        pool.shutdownNow();
        timer.close();
    }

    protected AbstractMessagingService service(String name) {
        AbstractMessagingService s = create(name);
        services.add(s);
        return s;
    }

    protected MetricRegistry registry() {
        return new MetricRegistry();
    }

    static Response await(CompletableFuture<Response> f) throws Exception {
        return f.get(LONG.toSeconds(), TimeUnit.SECONDS);
    }

    static Throwable failure(CompletableFuture<Response> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(LONG.toSeconds(), TimeUnit.SECONDS));
        return e.getCause();
    }

    /** Waits for a condition without sleeping a fixed time; fails after {@link #LONG}. */
    static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    static void echo(MessagingService s, Verb verb) {
        s.registerHandler(verb, (from, m, replier) -> replier.reply(m));
    }

    @Test
    void everyVerbRoundTripsThroughRequestAndResponse() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        long seed = System.nanoTime();
        System.out.println(getClass().getSimpleName() + " round-trip seed " + seed);
        RandomPayloads random = new RandomPayloads(seed);
        for (Verb verb : Verb.values()) {
            if (verb == Verb.FAILURE_RESPONSE) {
                continue; // a response to it would read as a failure, tested on its own below
            }
            echo(b, verb);
            Message m = random.message(verb);
            Response r = await(a.request(b.localEndpoint(), m, LONG));
            assertEquals(m, r.message(), "seed " + seed + ", " + verb);
            assertEquals(b.localEndpoint(), r.from());
        }
        assertEquals(1, b.metrics().receivedCount(Verb.MUTATION));
        assertEquals(1, a.metrics().sentCount(Verb.MUTATION));
    }

    @Test
    void oneWayMessageIsDelivered() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        AtomicReference<Endpoint> sender = new AtomicReference<>();
        CountDownLatch got = new CountDownLatch(1);
        b.registerHandler(Verb.GOSSIP_SYN, VerbHandler.nonBlocking((from, m, replier) -> {
            sender.set(from);
            got.countDown();
        }));
        a.send(b.localEndpoint(), Message.of(Verb.GOSSIP_SYN, new OpaquePayload(new byte[] {7})));
        assertTrue(got.await(LONG.toSeconds(), TimeUnit.SECONDS));
        assertEquals(a.localEndpoint(), sender.get());
    }

    @Test
    void requestTimesOutWhenHandlerNeverAnswers() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        b.registerHandler(Verb.SCHEMA_PULL, (from, m, replier) -> { });
        Throwable t = failure(a.request(b.localEndpoint(), Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE), SHORT));
        assertInstanceOf(RequestTimeoutException.class, t);
        assertEquals(1, a.metrics().timeoutCount());
        assertEquals(0, a.pendingRequests());
    }

    @Test
    void lateResponseIsDroppedAndCounted() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        AtomicReference<VerbHandler.Replier> held = new AtomicReference<>();
        b.registerHandler(Verb.SCHEMA_PULL, (from, m, replier) -> held.set(replier));
        CompletableFuture<Response> f = a.request(b.localEndpoint(), Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE), SHORT);
        assertInstanceOf(RequestTimeoutException.class, failure(f));
        waitUntil(() -> held.get() != null, "the handler to run");
        held.get().reply(Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(new byte[1])));
        waitUntil(() -> a.metrics().lateResponseCount() == 1, "the late response");
    }

    @Test
    void handlerExceptionBecomesAnErrorResponse() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        b.registerHandler(Verb.READ, (from, m, replier) -> {
            throw new IllegalStateException("disk on fire");
        });
        Message read = new RandomPayloads(1).message(Verb.READ);
        Throwable t = failure(a.request(b.localEndpoint(), read, LONG));
        RemoteFailureException e = assertInstanceOf(RemoteFailureException.class, t);
        assertEquals(FailurePayload.Code.HANDLER_ERROR, e.code());
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    }

    @Test
    void missingHandlerBecomesAnErrorResponse() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        Throwable t = failure(a.request(b.localEndpoint(), Message.of(Verb.HINT_ACK, EmptyPayload.INSTANCE), LONG));
        assertEquals(FailurePayload.Code.NO_HANDLER, assertInstanceOf(RemoteFailureException.class, t).code());
    }

    @Test
    void filterDropsOneDirectionOnlyUntilLifted() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        CountDownLatch atA = new CountDownLatch(1);
        a.registerHandler(Verb.GOSSIP_ACK, VerbHandler.nonBlocking((from, m, r) -> atA.countDown()));
        echo(b, Verb.SCHEMA_PULL);
        Message pull = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);

        MessageFilter.Rule rule = filter().drop(a.localEndpoint(), b.localEndpoint());
        assertInstanceOf(RequestTimeoutException.class, failure(a.request(b.localEndpoint(), pull, SHORT)));
        assertEquals(1, a.metrics().droppedCount(Verb.SCHEMA_PULL));
        assertEquals(0, b.metrics().receivedCount(Verb.SCHEMA_PULL));
        b.send(a.localEndpoint(), Message.of(Verb.GOSSIP_ACK, new OpaquePayload(new byte[2])));
        assertTrue(atA.await(LONG.toSeconds(), TimeUnit.SECONDS), "B to A still works");

        rule.lift();
        assertEquals(pull, await(a.request(b.localEndpoint(), pull, LONG)).message());
    }

    @Test
    void partitionByVerbLeavesOtherVerbsAlone() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.SCHEMA_PULL);
        echo(b, Verb.HINT_ACK);
        MessageFilter.Rules partition = filter().dropBothWays(a.localEndpoint(), b.localEndpoint(), Verb.SCHEMA_PULL);
        Message pull = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);
        Message ack = Message.of(Verb.HINT_ACK, EmptyPayload.INSTANCE);
        assertEquals(ack, await(a.request(b.localEndpoint(), ack, LONG)).message());
        assertInstanceOf(RequestTimeoutException.class, failure(a.request(b.localEndpoint(), pull, SHORT)));
        partition.lift();
        assertEquals(pull, await(a.request(b.localEndpoint(), pull, LONG)).message());
    }

    @Test
    void delayRuleDelaysDelivery() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.SCHEMA_PULL);
        Message pull = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);
        await(a.request(b.localEndpoint(), pull, LONG)); // connect first, so only the rule is measured
        MessageFilter.Rule rule = filter().delay(a.localEndpoint(), b.localEndpoint(), Duration.ofMillis(300));
        long start = System.nanoTime();
        await(a.request(b.localEndpoint(), pull, LONG));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMillis >= 290, "took " + tookMillis + " ms");
        rule.lift();
        // A delay shorter than the timeout is not a loss: nothing was dropped.
        assertEquals(0, a.metrics().droppedCount(Verb.SCHEMA_PULL));
    }

    @Test
    void tenThousandConcurrentRequestsComplete() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        b.registerHandler(Verb.MUTATION, VerbHandler.nonBlocking(
                (from, m, replier) -> replier.reply(Message.of(Verb.MUTATION_ACK, EmptyPayload.INSTANCE))));
        Message m = new RandomPayloads(7).message(Verb.MUTATION);
        await(a.request(b.localEndpoint(), m, LONG));
        List<CompletableFuture<Response>> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            all.add(a.request(b.localEndpoint(), m, LONG));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(LONG.toSeconds(), TimeUnit.SECONDS);
        for (CompletableFuture<Response> f : all) {
            assertEquals(Verb.MUTATION_ACK, f.join().message().verb());
        }
        assertEquals(0, a.pendingRequests());
    }

    @Test
    void closingFailsPendingRequests() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        b.registerHandler(Verb.SCHEMA_PULL, (from, m, replier) -> { });
        CompletableFuture<Response> f = a.request(b.localEndpoint(), Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE), LONG);
        a.close();
        assertFalse(f.isDone() && !f.isCompletedExceptionally());
        assertInstanceOf(MessagingException.class, failure(f));
    }

    @Test
    void payloadTheCodecRefusesFailsTheRequestNotTheCaller() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.READ);
        // Table names are u16-length strings on the wire; this one cannot be encoded.
        Message tooLong = Message.of(Verb.READ, new ReadPayload(
                "t".repeat(70_000), new byte[1], false));
        assertInstanceOf(MessagingException.class, failure(a.request(b.localEndpoint(), tooLong, LONG)));
        assertEquals(1, a.metrics().droppedCount(Verb.READ));
    }

    @Test
    void threeNodesWithOneIsolatedThenHealed() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        AbstractMessagingService c = service("c");
        for (AbstractMessagingService s : List.of(a, b, c)) {
            echo(s, Verb.SCHEMA_PULL);
        }
        Message pull = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);
        MessageFilter.Rules ab = filter().dropBothWays(a.localEndpoint(), b.localEndpoint());
        MessageFilter.Rules ac = filter().dropBothWays(a.localEndpoint(), c.localEndpoint());
        assertEquals(pull, await(b.request(c.localEndpoint(), pull, LONG)).message());
        assertEquals(pull, await(c.request(b.localEndpoint(), pull, LONG)).message());
        assertInstanceOf(RequestTimeoutException.class, failure(a.request(b.localEndpoint(), pull, SHORT)));
        assertInstanceOf(RequestTimeoutException.class, failure(c.request(a.localEndpoint(), pull, SHORT)));
        ab.lift();
        ac.lift();
        assertEquals(c.localEndpoint(), await(a.request(c.localEndpoint(), pull, LONG)).from());
        assertEquals(a.localEndpoint(), await(b.request(a.localEndpoint(), pull, LONG)).from());
    }
}
