package io.stratadb.client.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.frame.FrameHeader;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.testing.RawFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server stack and a client stack talking over in-memory channels, bytes pumped by hand. */
class ServerHandshakeHandlerTest {
    private static final int MAX = ProtocolLimits.DEFAULT_MAX_BODY_BYTES;
    private final CodecRegistry registry = V1Codecs.registry();
    private final List<Object> events = new ArrayList<>();
    private final EmbeddedChannel server = new EmbeddedChannel();
    private final EmbeddedChannel client = new EmbeddedChannel();

    ServerHandshakeHandlerTest() {
        ProtocolPipeline.addServerHandlers(server.pipeline(), registry, MAX, HandshakeNegotiator.standard("test"));
        server.pipeline().addLast(new EchoGetHandler());
        ProtocolPipeline.addClientHandlers(client.pipeline(), registry, MAX);
    }

    /** Answers every GET with a large, compressible value: enough to see compression on the wire. */
    private final class EchoGetHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Envelope e = (Envelope) msg;
            ctx.writeAndFlush(new Envelope(e.streamId(),
                    new GetResult(ValueResult.of(Bytes.ofUtf8("x".repeat(4000)), 1))));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }
    }

    private Envelope send(Envelope request) {
        client.writeOutbound(request);
        server.writeInbound(RawFrames.drainOutbound(client));
        ByteBuf reply = RawFrames.drainOutbound(server);
        lastReplyFlags = reply.isReadable() ? reply.getByte(FrameHeader.FLAGS_OFFSET) : -1;
        client.writeInbound(reply);
        return client.readInbound();
    }

    private int lastReplyFlags;

    private static Envelope get(int stream) {
        return new Envelope(stream, new GetRequest("ks", ConsistencyLevel.ONE, Bytes.ofUtf8("k")));
    }

    @Test
    void requestsBeforeHelloAreRefusedOnTheirStreamAndTheConnectionStays() {
        Envelope reply = send(get(7));
        assertEquals(7, reply.streamId());
        ErrorResponse error = assertInstanceOf(ErrorResponse.class, reply.message());
        assertEquals(ErrorCode.PROTOCOL_ERROR, error.code());
        assertTrue(error.message().contains("HELLO"), error.message());
        assertTrue(server.isOpen());
        assertTrue(events.isEmpty());
        finish();
    }

    @Test
    void helloWithLz4ThenCompressedTraffic() {
        Envelope ready = send(new Envelope(1, Hello.of("test-client", List.of(Compression.LZ4))));
        assertEquals(1, ready.streamId());
        Ready r = assertInstanceOf(Ready.class, ready.message());
        assertEquals(Compression.LZ4, r.compression());
        assertEquals(0, lastReplyFlags, "READY itself is never compressed");
        assertEquals(List.of(new HandshakeCompleted(io.stratadb.client.protocol.ProtocolVersion.V1, Compression.LZ4,
                "test-client")), events);

        ProtocolPipeline.enableCompression(client.pipeline(), MAX);
        Envelope result = send(get(2));
        assertEquals(2, result.streamId());
        assertInstanceOf(GetResult.class, result.message());
        assertEquals(FrameHeader.FLAG_COMPRESSED, lastReplyFlags);

        Envelope again = send(new Envelope(3, Hello.of("again", List.of())));
        assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) again.message()).code());
        finish();
    }

    @Test
    void helloWithoutCompressionKeepsFramesPlain() {
        assertInstanceOf(Ready.class, send(new Envelope(1, Hello.of("c", List.of()))).message());
        assertNull(server.pipeline().get(ProtocolPipeline.COMPRESSOR));
        assertInstanceOf(GetResult.class, send(get(2)).message());
        assertEquals(0, lastReplyFlags);
        finish();
    }

    @Test
    void helloWithNoCommonVersionIsAnsweredThenClosed() {
        Envelope reply = send(new Envelope(4, new Hello(List.of(5, 6), Map.of())));
        assertEquals(4, reply.streamId());
        assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) reply.message()).code());
        assertFalse(server.isOpen());
        assertNotNull(reply);
        finish();
    }

    @Test
    void malformedRequestIsAnsweredOnItsStreamAndTheConnectionStays() {
        assertInstanceOf(Ready.class, send(new Envelope(1, Hello.of("c", List.of()))).message());
        server.writeInbound(RawFrames.request(321, 0x10, new byte[] {0, 9, 'k'}));
        client.writeInbound(RawFrames.drainOutbound(server));
        Envelope reply = client.readInbound();
        assertEquals(321, reply.streamId());
        assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) reply.message()).code());
        assertTrue(server.isOpen());
        assertInstanceOf(GetResult.class, send(get(322)).message());
        finish();
    }

    @Test
    void oversizedFrameIsAnsweredWithFrameTooLargeThenTheConnectionCloses() {
        ByteBuf header = io.netty.buffer.ByteBufAllocator.DEFAULT.buffer(9);
        header.writeByte(0x01).writeByte(0).writeShort(4242).writeByte(0x11).writeInt(0x8000_0000);
        server.writeInbound(header);
        client.writeInbound(RawFrames.drainOutbound(server));
        Envelope reply = client.readInbound();
        assertEquals(4242, reply.streamId());
        assertEquals(ErrorCode.FRAME_TOO_LARGE, ((ErrorResponse) reply.message()).code());
        assertFalse(server.isOpen());
        finish();
    }

    private void finish() {
        assertFalse(server.finishAndReleaseAll());
        assertFalse(client.finishAndReleaseAll());
    }
}
