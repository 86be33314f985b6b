package io.stratadb.client.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.TestSeeds;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.FrameTooLargeException;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.testing.RawFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private record Spec(int version, int flags, int stream, int opcode, byte[] body) {
    }

    private static List<Spec> randomSpecs(Random random, int n) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] body = new byte[random.nextInt(5) == 0 ? 0 : random.nextInt(2000)];
            random.nextBytes(body);
            specs.add(new Spec(random.nextBoolean() ? 0x81 : 0x01, random.nextInt(256), random.nextInt(0x10000),
                    random.nextInt(256), body));
        }
        return specs;
    }

    private static ByteBuf concat(List<Spec> specs) {
        ByteBuf all = ByteBufAllocator.DEFAULT.buffer();
        for (Spec s : specs) {
            ByteBuf f = RawFrames.frame(s.version, s.flags, s.stream, s.opcode, s.body);
            all.writeBytes(f);
            f.release();
        }
        return all;
    }

    private static void assertFrames(EmbeddedChannel ch, List<Spec> specs, long seed) {
        for (Spec s : specs) {
            Frame f = ch.readInbound();
            try {
                assertEquals(s.version & 0x7F, f.version(), "seed " + seed);
                assertEquals((s.version & 0x80) != 0, f.isResponse());
                assertEquals(s.flags, f.flags());
                assertEquals(s.stream, f.streamId());
                assertEquals(s.opcode, f.opcode());
                assertArrayEquals(s.body, RawFrames.toArray(f.content()), "seed " + seed);
            } finally {
                f.release();
            }
        }
        assertNull(ch.readInbound());
    }

    @Test
    void bytesFedOneAtATime() {
        long seed = TestSeeds.seed("bytesFedOneAtATime");
        List<Spec> specs = randomSpecs(new Random(seed), 8);
        ByteBuf all = concat(specs);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(1));
        }
        all.release();
        assertFrames(ch, specs, seed);
        assertFalse(ch.finish());
    }

    @Test
    void manyFramesCoalescedInOneBuffer() {
        long seed = TestSeeds.seed("manyFramesCoalescedInOneBuffer");
        List<Spec> specs = randomSpecs(new Random(seed), 50);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ch.writeInbound(concat(specs));
        assertFrames(ch, specs, seed);
        assertFalse(ch.finish());
    }

    @Test
    void randomSplitsAcrossFrameBoundaries() {
        long seed = TestSeeds.seed("randomSplitsAcrossFrameBoundaries");
        Random random = new Random(seed);
        List<Spec> specs = randomSpecs(random, 40);
        ByteBuf all = concat(specs);
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        while (all.isReadable()) {
            ch.writeInbound(all.readRetainedSlice(Math.min(all.readableBytes(), 1 + random.nextInt(3000))));
        }
        all.release();
        assertFrames(ch, specs, seed);
        assertFalse(ch.finish());
    }

    @Test
    void twoGibHeaderIsRejectedFromTheHeaderAloneWithoutAllocating() {
        for (long claimed : new long[] {0x8000_0000L, 0xFFFF_FFFFL, 0x7FFF_FFFFL}) {
            CappedAllocator alloc = new CappedAllocator(64 * 1024);
            EmbeddedChannel ch = new EmbeddedChannel();
            ch.config().setAllocator(alloc);
            ch.pipeline().addLast(new FrameDecoder(1 << 20));
            ByteBuf header = alloc.buffer(9);
            header.writeByte(0x01).writeByte(0).writeShort(4242).writeByte(0x11).writeInt((int) claimed);
            FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> ch.writeInbound(header));
            assertEquals(4242, e.streamId());
            assertEquals(claimed, e.claimedBytes());
            assertEquals(1 << 20, e.maxBytes());
            assertEquals(ErrorCode.FRAME_TOO_LARGE, e.code());
            assertTrue(e.isFatal());
            assertEquals(0, header.refCnt());
            assertTrue(alloc.largestRequest() <= 64 * 1024);

            // Whatever follows is discarded: the stream is out of sync and the connection is closing.
            ByteBuf more = RawFrames.request(1, 0x10, new byte[10]);
            assertFalse(ch.writeInbound(more));
            assertEquals(0, more.refCnt());
            assertFalse(ch.finish());
        }
    }

    @Test
    void frameExactlyAtTheLimitIsAccepted() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(100));
        ch.writeInbound(RawFrames.request(9, 0x10, new byte[100]));
        Frame f = ch.readInbound();
        assertEquals(100, f.content().readableBytes());
        f.release();
        ByteBuf over = RawFrames.request(10, 0x10, new byte[101]);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> ch.writeInbound(over));
        assertEquals(10, e.streamId());
        assertFalse(ch.finish());
    }

    @Test
    void unsupportedVersionIsFatalAndCarriesTheStream() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ByteBuf f = RawFrames.frame(0x05, 0, 77, 0x10, new byte[3]);
        ProtocolException e = assertThrows(ProtocolException.class, () -> ch.writeInbound(f));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals(77, e.streamId());
        assertTrue(e.isFatal());
        assertFalse(ch.finish());
    }

    @Test
    void truncatedFrameWaitsThenFailsWhenTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ByteBuf full = RawFrames.request(31, 0x10, new byte[100]);
        assertFalse(ch.writeInbound(full.readRetainedSlice(50)));
        full.release();
        assertNull(ch.readInbound());
        ProtocolException e = assertThrows(ProtocolException.class, ch::finish);
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertEquals(31, e.streamId());
        assertInstanceOf(ProtocolException.class, e);
    }

    @Test
    void truncatedHeaderHasNoStream() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder());
        ByteBuf partial = ByteBufAllocator.DEFAULT.buffer().writeByte(1).writeByte(0);
        assertFalse(ch.writeInbound(partial));
        ProtocolException e = assertThrows(ProtocolException.class, ch::finish);
        assertEquals(ProtocolException.NO_STREAM, e.streamId());
        assertEquals(0, e.replyStreamId());
    }

    @Test
    void encoderWritesWhatTheDecoderReads() {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder());
        ByteBuf body = ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {1, 2, 3});
        out.writeOutbound(new Frame(1, true, FrameHeader.FLAG_COMPRESSED, 0xFFFF, 0x93, body));
        ByteBuf wire = RawFrames.drainOutbound(out);
        assertArrayEquals(new byte[] {(byte) 0x81, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0x93, 0, 0, 0, 3, 1, 2, 3},
                RawFrames.toArray(wire));
        EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder());
        in.writeInbound(wire);
        Frame f = in.readInbound();
        assertEquals(0xFFFF, f.streamId());
        assertTrue(f.isCompressed());
        f.release();
        assertEquals(0, body.refCnt());
        assertFalse(out.finish());
        assertFalse(in.finish());
    }
}
