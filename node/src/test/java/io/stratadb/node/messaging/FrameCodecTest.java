package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.messaging.payload.OpaquePayload;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameCodecTest {

    private static final Endpoint A = Endpoint.of("127.0.0.1", 7001);

    private static ByteBuf encode(Object... messages) {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(1024));
        for (Object m : messages) {
            out.writeOutbound(m);
        }
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = out.readOutbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void handshakeAndFrameSurviveByteByByteDelivery() {
        Message m = Message.of(Verb.GOSSIP_SYN, new OpaquePayload(new byte[] {1, 2, 3}));
        ByteBuf bytes = encode(new Handshake(FrameFormat.VERSION, A), new Envelope(A, MessageKind.REQUEST, 42, m));
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
        while (bytes.isReadable()) {
            in.writeInbound(bytes.readRetainedSlice(1));
        }
        bytes.release();
        Handshake h = in.readInbound();
        assertEquals(A, h.source());
        InboundFrame f = in.readInbound();
        assertEquals(Verb.GOSSIP_SYN.id(), f.verbId());
        assertEquals(MessageKind.REQUEST, f.kind());
        assertEquals(42, f.requestId());
        assertEquals(m, Payloads.decode(Verb.GOSSIP_SYN, f.payload()));
        f.payload().release();
        assertNull(in.readInbound());
        in.finishAndReleaseAll();
    }

    @Test
    void oversizedFrameIsRejectedFromItsHeader() {
        ByteBuf bytes = encode(new Handshake(FrameFormat.VERSION, A));
        // Only the header: the decoder must reject before the payload arrives.
        bytes.writeByte(FrameFormat.VERSION).writeShort(1).writeByte(0).writeLong(0).writeInt(1025);
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
        DecoderException e = assertThrows(DecoderException.class, () -> in.writeInbound(bytes));
        assertInstanceOf(MalformedFrameException.class, e.getCause());
        assertInstanceOf(Handshake.class, in.readInbound());
        in.finishAndReleaseAll();
    }

    @Test
    void badMagicIsRejected() {
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
        ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", java.nio.charset.StandardCharsets.US_ASCII);
        DecoderException e = assertThrows(DecoderException.class, () -> in.writeInbound(http));
        assertInstanceOf(MalformedFrameException.class, e.getCause());
        in.finishAndReleaseAll();
    }

    @Test
    void reservedFlagBitsAreRejected() {
        ByteBuf bytes = encode(new Handshake(FrameFormat.VERSION, A));
        bytes.writeByte(FrameFormat.VERSION).writeShort(1).writeByte(0x80).writeLong(0).writeInt(0);
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(1024));
        assertThrows(DecoderException.class, () -> in.writeInbound(bytes));
        in.finishAndReleaseAll();
    }

    @Test
    void encoderRefusesOversizedPayload() {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(16));
        Message big = Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(new byte[100]));
        assertThrows(Exception.class, () -> out.writeOutbound(new Envelope(A, MessageKind.ONE_WAY, 0, big)));
        assertNull(out.readOutbound());
        out.finishAndReleaseAll();
    }

    @Test
    void headerLayoutMatchesTheDocs() {
        Message m = Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(new byte[] {9}));
        ByteBuf b = encode(new Envelope(A, MessageKind.RESPONSE, 0x0102030405060708L, m));
        byte[] header = new byte[FrameFormat.HEADER_BYTES];
        b.readBytes(header);
        assertArrayEquals(new byte[] {1, 0, 11, 2, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 5}, header);
        b.release();
    }
}
