package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteCoalescerTest {
    /** Records what reaches the channel: each write, and each flush as a marker. */
    private static final class WireRecorder extends ChannelOutboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            events.add(msg);
            promise.trySuccess();
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            events.add("FLUSH");
        }
    }

    private final WireRecorder wire = new WireRecorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(wire);
    private final List<PendingRequest> unwritable = new ArrayList<>();
    private final WriteCoalescer coalescer = new WriteCoalescer(channel, (r, e) -> unwritable.add(r));

    private static PendingRequest request() {
        return new PendingRequest(new TopologyRequest(), 1_000_000_000L);
    }

    @Test
    void requestsQueuedBeforeTheEventLoopRunsGoOutInOrderWithOneFlush() {
        List<PendingRequest> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PendingRequest r = request();
            sent.add(r);
            coalescer.enqueue(r);
        }
        assertTrue(wire.events.isEmpty(), "nothing is written until the event loop runs the drain");
        channel.runPendingTasks();
        assertEquals(101, wire.events.size());
        for (int i = 0; i < 100; i++) {
            assertSame(sent.get(i), wire.events.get(i));
        }
        assertEquals("FLUSH", wire.events.get(100), "one flush for the whole batch");
    }

    @Test
    void aLongQueueIsDrainedInSeveralTurnsSoReadsAreNotStarved() {
        int n = WriteCoalescer.MAX_PER_RUN * 2 + 7;
        for (int i = 0; i < n; i++) {
            coalescer.enqueue(request());
        }
        channel.runPendingTasks();
        long flushes = wire.events.stream().filter("FLUSH"::equals).count();
        assertEquals(3, flushes);
        assertEquals(n + 3, wire.events.size());
    }

    @Test
    void requestsForAClosedChannelAreHandedBackNotDropped() {
        channel.close(); // a closed channel's pipeline may be torn down and would swallow the write
        PendingRequest r = request();
        coalescer.enqueue(r);
        channel.runPendingTasks();
        assertEquals(List.of(r), unwritable);
        assertTrue(wire.events.isEmpty());
    }

    @Test
    void requestsEnqueuedAfterADrainAreDrainedNextTurn() {
        coalescer.enqueue(request());
        channel.runPendingTasks();
        coalescer.enqueue(request());
        coalescer.enqueue(request());
        channel.runPendingTasks();
        assertEquals(List.of(false, true, false, false, true),
                wire.events.stream().map("FLUSH"::equals).toList());
    }

    @Test
    void unwritableCallbackGetsTheReason() {
        List<Throwable> reasons = new ArrayList<>();
        WriteCoalescer c = new WriteCoalescer(channel, (r, e) -> reasons.add(e));
        channel.close();
        c.enqueue(request());
        channel.runPendingTasks();
        assertTrue(reasons.get(0) instanceof ClosedChannelException);
    }
}
