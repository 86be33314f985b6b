package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.concurrent.WheelRequestTimer;
import io.stratadb.node.messaging.payload.OpaquePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accepting side's pipeline on an EmbeddedChannel, with the receiving service on an in-memory network. */
class InboundMessageHandlerTest {

    private static final Endpoint PEER = Endpoint.of("10.0.0.1", 9471);

    private WheelRequestTimer timer;
    private InMemoryMessagingNetwork network;
    private AbstractMessagingService node;
    private AbstractMessagingService peer;
    private final List<Message> atNode = new ArrayList<>();

    @BeforeEach
    void setUp() {
        timer = new WheelRequestTimer(new NodeThreadFactory("test", "timer"));
        network = InMemoryMessagingNetwork.manual();
        node = network.newService(Endpoint.of("10.0.0.2", 9471), new MetricRegistry(), Runnable::run, timer);
        peer = network.newService(PEER, new MetricRegistry(), Runnable::run, timer);
        node.start();
        peer.start();
        node.registerHandler(Verb.GOSSIP_SYN, (from, m, r) -> atNode.add(m));
    }

    @AfterEach
    void tearDown() {
        node.close();
        peer.close();
        timer.close();
    }

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new FrameDecoder(1024), new InboundMessageHandler(node));
    }

    private static ByteBuf frames(Object... messages) {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(1024));
        ByteBuf all = Unpooled.buffer();
        for (Object m : messages) {
            out.writeOutbound(m);
        }
        for (ByteBuf b; (b = out.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void messageIsDispatchedAsComingFromTheHandshakeEndpoint() {
        EmbeddedChannel ch = channel();
        Message syn = Message.of(Verb.GOSSIP_SYN, new OpaquePayload(new byte[] {4}));
        ch.writeInbound(frames(new Handshake(FrameFormat.VERSION, PEER), new Envelope(PEER, MessageKind.ONE_WAY, 0, syn)));
        assertEquals(List.of(syn), atNode);
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void undecodablePayloadClosesTheConnection() {
        EmbeddedChannel ch = channel();
        ByteBuf bytes = frames(new Handshake(FrameFormat.VERSION, PEER));
        // A READ_RESPONSE with form 9: a valid frame around an invalid payload.
        bytes.writeByte(FrameFormat.VERSION).writeShort(Verb.READ_RESPONSE.id()).writeByte(0).writeLong(0).writeInt(1)
                .writeByte(9);
        ch.writeInbound(bytes);
        assertFalse(ch.isOpen());
        assertTrue(atNode.isEmpty());
        ch.finishAndReleaseAll();
    }

    @Test
    void unknownVerbRequestIsAnsweredAndTheConnectionStays() {
        EmbeddedChannel ch = channel();
        ByteBuf bytes = frames(new Handshake(FrameFormat.VERSION, PEER));
        bytes.writeByte(FrameFormat.VERSION).writeShort(29).writeByte(MessageKind.REQUEST.flag()).writeLong(77)
                .writeInt(2).writeShort(0);
        ch.writeInbound(bytes);
        assertTrue(ch.isOpen());
        // The answer travels to the peer over the network (the node's outbound side): one FAILURE_RESPONSE.
        assertEquals(1, network.deliverAll());
        assertEquals(1, peer.metrics().receivedCount(Verb.FAILURE_RESPONSE));
        assertEquals(1, peer.metrics().lateResponseCount()); // the peer never sent request 77
        ch.finishAndReleaseAll();
    }

    @Test
    void unsupportedVersionInHandshakeClosesTheConnection() {
        EmbeddedChannel ch = channel();
        ByteBuf bytes = frames(new Handshake(2, PEER));
        ch.writeInbound(bytes);
        assertFalse(ch.isOpen());
        ch.finishAndReleaseAll();
    }
}
