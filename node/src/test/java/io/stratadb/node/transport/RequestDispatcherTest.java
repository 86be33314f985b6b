package io.stratadb.node.transport;

import com.codahale.metrics.MetricRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.service.RequestHandler;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CorruptionException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher alone, in an {@link EmbeddedChannel}: admission, answers on their streams, error mapping. */
class RequestDispatcherTest {

    private final List<CompletableFuture<ListKeyspacesResult>> pending = new ArrayList<>();
    private Supplier<CompletableFuture<ListKeyspacesResult>> listAnswer = () -> {
        CompletableFuture<ListKeyspacesResult> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    };
    private Supplier<CompletableFuture<TopologyResult>> topologyAnswer =
            () -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
    private final InFlightLimiter limiter = new InFlightLimiter(3, Clock.system());
    private final NodeMetrics metrics = new NodeMetrics(new MetricRegistry());

    private EmbeddedChannel channel(int perConnection) {
        RequestHandlers handlers = new RequestHandlers(List.of(
                new RequestHandler<ListKeyspacesRequest>() {
                    @Override
                    public Class<ListKeyspacesRequest> requestType() {
                        return ListKeyspacesRequest.class;
                    }

                    @Override
                    public CompletableFuture<ListKeyspacesResult> handle(ListKeyspacesRequest r) {
                        return listAnswer.get();
                    }
                },
                new RequestHandler<TopologyRequest>() {
                    @Override
                    public Class<TopologyRequest> requestType() {
                        return TopologyRequest.class;
                    }

                    @Override
                    public CompletableFuture<TopologyResult> handle(TopologyRequest r) {
                        return topologyAnswer.get();
                    }
                }));
        return new EmbeddedChannel(new RequestDispatcher(handlers, limiter, perConnection, metrics, Clock.system()));
    }

    private static Response answer(EmbeddedChannel ch, int stream) {
        ch.runPendingTasks();
        Envelope e = ch.readOutbound();
        assertEquals(stream, e.streamId());
        return (Response) e.message();
    }

    @Test
    void answersArriveOnTheirStreamsWhenHandlersComplete() {
        EmbeddedChannel ch = channel(10);
        ch.writeInbound(new Envelope(5, new ListKeyspacesRequest()));
        ch.writeInbound(new Envelope(6, new ListKeyspacesRequest()));
        assertNull(ch.readOutbound());
        assertEquals(2, limiter.inFlight());
        pending.get(1).complete(new ListKeyspacesResult(List.of()));
        assertInstanceOf(ListKeyspacesResult.class, answer(ch, 6));
        pending.get(0).complete(new ListKeyspacesResult(List.of()));
        assertInstanceOf(ListKeyspacesResult.class, answer(ch, 5));
        assertEquals(0, limiter.inFlight());
        assertEquals(2, metrics.snapshot().get("client.request.list-keyspaces", "count").intValue());
    }

    @Test
    void pastTheConnectionBoundRequestsAreOverloadedWithoutRunning() {
        EmbeddedChannel ch = channel(2);
        for (int s = 1; s <= 3; s++) {
            ch.writeInbound(new Envelope(s, new ListKeyspacesRequest()));
        }
        assertEquals(2, pending.size(), "the third handler never ran");
        assertEquals(ErrorCode.OVERLOADED, ((ErrorResponse) answer(ch, 3)).code());
    }

    @Test
    void pastTheNodeBoundRequestsAreOverloaded() {
        EmbeddedChannel a = channel(10);
        EmbeddedChannel b = channel(10);
        for (int s = 1; s <= 3; s++) {
            a.writeInbound(new Envelope(s, new ListKeyspacesRequest()));
        }
        b.writeInbound(new Envelope(9, new ListKeyspacesRequest()));
        ErrorResponse e = (ErrorResponse) answer(b, 9);
        assertEquals(ErrorCode.OVERLOADED, e.code());
        assertTrue(e.message().contains("max_in_flight_total"));
    }

    @Test
    void failuresBecomeErrorsWithTheirCodes() {
        EmbeddedChannel ch = channel(10);
        ch.writeInbound(new Envelope(1, new TopologyRequest()));
        assertEquals(ErrorCode.SERVER_ERROR, ((ErrorResponse) answer(ch, 1)).code());
        topologyAnswer = () -> CompletableFuture.failedFuture(RequestException.unknownKeyspace("x"));
        ch.writeInbound(new Envelope(2, new TopologyRequest()));
        assertEquals(ErrorCode.UNKNOWN_KEYSPACE, ((ErrorResponse) answer(ch, 2)).code());
        topologyAnswer = () -> {
            throw new CorruptionException(Path.of("f"), 1, "bad block");
        };
        ch.writeInbound(new Envelope(3, new TopologyRequest()));
        assertEquals(ErrorCode.CORRUPTION, ((ErrorResponse) answer(ch, 3)).code());
        topologyAnswer = () -> CompletableFuture.failedFuture(new io.stratadb.storage.InvalidRequestException("no"));
        ch.writeInbound(new Envelope(4, new TopologyRequest()));
        assertEquals(ErrorCode.INVALID_REQUEST, ((ErrorResponse) answer(ch, 4)).code());
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void whileDrainingEverythingIsRefused() throws InterruptedException {
        EmbeddedChannel ch = channel(10);
        assertEquals(0, limiter.drain(0));
        ch.writeInbound(new Envelope(1, new ListKeyspacesRequest()));
        ErrorResponse e = (ErrorResponse) answer(ch, 1);
        assertEquals(ErrorCode.OVERLOADED, e.code());
        assertTrue(e.message().contains("shutting down"));
        assertTrue(pending.isEmpty());
    }
}
