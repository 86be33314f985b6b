package io.stratadb.client.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;
    private final Lz4BodyCompression lz4 = new Lz4BodyCompression(1 << 20);

    private static ByteBuf buf(byte[] bytes) {
        return ALLOC.buffer(bytes.length).writeBytes(bytes);
    }

    private static final String[] WORDS = {"strata ", "token ", "replica ", "quorum ", "{\"key\": ", "value\n"};

    /** Text made of a few repeated words: what LZ4, which finds repeats but does no entropy coding, shrinks. */
    private static byte[] compressible(Random random, int n) {
        StringBuilder sb = new StringBuilder(n + 16);
        while (sb.length() < n) {
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.substring(0, n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void roundTripsRandomBodies() {
        long seed = TestSeeds.seed("roundTripsRandomBodies");
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] plain = compressible(random, random.nextInt(i < 100 ? 300 : 200_000));
            ByteBuf in = buf(plain);
            ByteBuf compressed = lz4.compress(ALLOC, in);
            if (compressed == null) {
                assertTrue(plain.length < 64, "seed " + seed + ": " + plain.length + " bytes did not compress");
                in.release();
                continue;
            }
            assertEquals(plain.length, compressed.getInt(0));
            ByteBuf out = lz4.decompress(ALLOC, compressed, 3);
            assertArrayEquals(plain, RawFrames.toArray(out), "seed " + seed);
            assertEquals(0, in.readerIndex(), "compress must not consume its input");
            in.release();
            compressed.release();
            out.release();
        }
    }

    @Test
    void incompressibleBodyIsLeftUncompressed() {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        ByteBuf in = buf(noise);
        assertNull(lz4.compress(ALLOC, in));
        in.release();
    }

    @Test
    void corruptBodyIsAProtocolErrorOnItsStream() {
        byte[] plain = compressible(new Random(2), 10_000);
        ByteBuf source = buf(plain);
        ByteBuf compressed = lz4.compress(ALLOC, source);
        source.release();
        byte[] bytes = RawFrames.toArray(compressed);
        compressed.release();
        Random random = new Random(3);
        int detected = 0;
        for (int i = 0; i < 200; i++) {
            byte[] bad = bytes.clone();
            if (i % 2 == 0) {
                bad = Arrays.copyOf(bad, 4 + random.nextInt(bad.length - 4)); // truncated block
            } else {
                for (int k = 0; k < 8; k++) {
                    bad[4 + random.nextInt(bad.length - 4)] = (byte) random.nextInt();
                }
            }
            ByteBuf in = buf(bad);
            try {
                ByteBuf out = lz4.decompress(ALLOC, in, 12);
                out.release(); // a mutation may still decode to something of the right length
            } catch (ProtocolException e) {
                assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
                assertEquals(12, e.streamId());
                assertFalse(e.isFatal());
                detected++;
            } finally {
                in.release();
            }
        }
        assertTrue(detected > 100, "only " + detected + " corruptions detected");
    }

    @Test
    void lengthPrefixAboveTheLimitIsRefusedBeforeAllocating() {
        ByteBuf in = ALLOC.buffer().writeInt(0x7FFF_FFFF).writeBytes(new byte[20]);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> lz4.decompress(ALLOC, in, 5));
        assertEquals(5, e.streamId());
        assertFalse(e.isFatal());
        in.release();
        ByteBuf negative = ALLOC.buffer().writeInt(-1).writeBytes(new byte[20]);
        assertThrows(FrameTooLargeException.class, () -> lz4.decompress(ALLOC, negative, 5));
        negative.release();
    }

    @Test
    void lengthPrefixThatDisagreesWithTheBlockIsRefused() {
        byte[] plain = compressible(new Random(4), 1000);
        ByteBuf source = buf(plain);
        ByteBuf compressed = lz4.compress(ALLOC, source);
        source.release();
        compressed.setInt(0, 2000); // block expands to 1000, prefix claims 2000
        assertThrows(ProtocolException.class, () -> lz4.decompress(ALLOC, compressed, 1));
        compressed.setInt(0, 500); // block would overrun a 500-byte output
        assertThrows(ProtocolException.class, () -> lz4.decompress(ALLOC, compressed, 1));
        compressed.release();
        ByteBuf tiny = ALLOC.buffer().writeByte(1);
        assertThrows(ProtocolException.class, () -> lz4.decompress(ALLOC, tiny, 1));
        tiny.release();
    }

    @Test
    void handlersCompressOnlyWhenItPaysAndDecompressFlaggedFrames() {
        EmbeddedChannel sender = new EmbeddedChannel(new FrameEncoder(), new FrameCompressor(lz4, 128));
        byte[] big = compressible(new Random(5), 5000);
        byte[] small = new byte[] {1, 2, 3};
        sender.writeOutbound(new Frame(1, false, 0, 1, 0x11, buf(big)));
        sender.writeOutbound(new Frame(1, false, 0, 2, 0x11, buf(small)));
        ByteBuf wire = RawFrames.drainOutbound(sender);
        assertEquals(FrameHeader.FLAG_COMPRESSED, wire.getByte(1));
        int firstLength = wire.getInt(5);
        assertTrue(firstLength < big.length / 2, "compressed to " + firstLength);
        assertEquals(0, wire.getByte(9 + firstLength + 1), "small body must go uncompressed");

        EmbeddedChannel receiver = new EmbeddedChannel(new FrameDecoder(), new FrameDecompressor(lz4));
        receiver.writeInbound(wire);
        Frame a = receiver.readInbound();
        Frame b = receiver.readInbound();
        assertFalse(a.isCompressed());
        assertArrayEquals(big, RawFrames.toArray(a.content()));
        assertArrayEquals(small, RawFrames.toArray(b.content()));
        a.release();
        b.release();
        assertFalse(sender.finish());
        assertFalse(receiver.finish());
    }
}
