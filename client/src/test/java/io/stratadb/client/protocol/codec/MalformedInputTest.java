package io.stratadb.client.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.TestSeeds;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.frame.FrameDecoder;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.testing.RandomMessages;
import io.stratadb.client.protocol.testing.RawFrames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad bytes in a well-framed body end as a non-fatal ProtocolException with the frame's stream id and the
 * right code; the connection then goes on decoding the next frame.
 */
class MalformedInputTest {
    private final CodecRegistry registry = V1Codecs.registry();

    private EmbeddedChannel server() {
        return new EmbeddedChannel(new FrameDecoder(), new MessageCodec(registry, PeerRole.SERVER));
    }

    private static byte[] body(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else if (p instanceof Integer i) {
                out.write(i);
            } else if (p instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.write(b.length >> 8);
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    private static ProtocolException refused(EmbeddedChannel ch, ByteBuf frame, ErrorCode code, int stream) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ch.writeInbound(frame));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(stream, e.streamId());
        assertFalse(e.isFatal());
        assertEquals(0, frame.refCnt());
        return e;
    }

    /** After a refused frame the same channel still decodes a good one. */
    private static void stillWorks(EmbeddedChannel ch) {
        ch.writeInbound(RawFrames.request(99, 0x10, body("ks", 0x01, new byte[] {0, 1, 42})));
        Envelope e = ch.readInbound();
        assertEquals(99, e.streamId());
        assertInstanceOf(GetRequest.class, e.message());
        assertFalse(ch.finish());
    }

    @Test
    void unknownOpcode() {
        EmbeddedChannel ch = server();
        ProtocolException e = refused(ch, RawFrames.request(7, 0x7E, new byte[0]), ErrorCode.PROTOCOL_ERROR, 7);
        assertTrue(e.getMessage().contains("0x7e"), e.getMessage());
        stillWorks(ch);
    }

    @Test
    void reservedCompareAndSetOpcodeSaysSo() {
        EmbeddedChannel ch = server();
        ProtocolException e = refused(ch, RawFrames.request(8, 0x1D, new byte[0]), ErrorCode.PROTOCOL_ERROR, 8);
        assertTrue(e.getMessage().contains("compare-and-set"), e.getMessage());
        e = refused(ch, RawFrames.request(8, 0x1B, new byte[0]), ErrorCode.PROTOCOL_ERROR, 8);
        assertTrue(e.getMessage().contains("GET at SERIAL"), e.getMessage());
        stillWorks(ch);
    }

    /** PUT_IF_ABSENT, CAS, DELETE_IF and SERIAL_PUT share their head: keyspace, commit level, serial level, key. */
    private static final int[] SERIAL_WRITES = {0x18, 0x19, 0x1A, 0x1C};

    /** The rest of a valid body after the head, for each of {@link #SERIAL_WRITES}. */
    private static byte[] serialWriteTail(int opcode) {
        byte[] value = {0, 0, 0, 1, 'v'};
        return switch (opcode) {
            case 0x18, 0x1C -> (byte[]) body(value, 0x00);
            case 0x19 -> (byte[]) body(value, value, 0x00);
            default -> value;
        };
    }

    @Test
    void serialWritesDecodeWithBothLevels() {
        EmbeddedChannel ch = server();
        for (int op : SERIAL_WRITES) {
            ch.writeInbound(RawFrames.request(3, op, body("ks", 0x04, 0x0A, new byte[] {0, 1, 'k'}, serialWriteTail(op))));
            Envelope e = ch.readInbound();
            io.stratadb.client.protocol.SerialWriteRequest r = (io.stratadb.client.protocol.SerialWriteRequest) e.message();
            assertEquals(op, r.opcode().code());
            assertEquals(io.stratadb.client.protocol.ConsistencyLevel.QUORUM, r.consistency());
            assertEquals(io.stratadb.client.protocol.ConsistencyLevel.LOCAL_SERIAL, r.serialConsistency());
        }
        stillWorks(ch);
    }

    @Test
    void aSerialLevelThatIsNotSerialIsAnInvalidRequest() {
        EmbeddedChannel ch = server();
        for (int op : SERIAL_WRITES) {
            for (int notSerial : new int[] {0x00, 0x01, 0x04, 0x08}) {
                ProtocolException e = refused(ch, RawFrames.request(4, op,
                        body("ks", 0x01, notSerial, new byte[] {0, 1, 'k'}, serialWriteTail(op))),
                        ErrorCode.INVALID_REQUEST, 4);
                assertTrue(e.getMessage().contains("SERIAL or LOCAL_SERIAL"), e.getMessage());
            }
            // A serial level as the commit level is just as meaningless.
            refused(ch, RawFrames.request(4, op, body("ks", 0x09, 0x09, new byte[] {0, 1, 'k'}, serialWriteTail(op))),
                    ErrorCode.INVALID_REQUEST, 4);
            // An unknown level byte is a broken frame, not a bad choice.
            refused(ch, RawFrames.request(4, op, body("ks", 0x01, 0x7F, new byte[] {0, 1, 'k'}, serialWriteTail(op))),
                    ErrorCode.PROTOCOL_ERROR, 4);
        }
        stillWorks(ch);
    }

    @Test
    void serialWritesRefuseATimestampUnknownOptionsTruncationAndTrailingBytes() {
        EmbeddedChannel ch = server();
        byte[] value = {0, 0, 0, 1, 'v'};
        byte[] key = {0, 1, 'k'};
        // The timestamp bit of PUT is not allowed: a serial write's timestamp comes from its ballot.
        refused(ch, RawFrames.request(5, 0x18, body("ks", 0x01, 0x09, key, value, 0x02, new byte[8])),
                ErrorCode.PROTOCOL_ERROR, 5);
        refused(ch, RawFrames.request(5, 0x19, body("ks", 0x01, 0x09, key, value, value, 0x80)),
                ErrorCode.PROTOCOL_ERROR, 5);
        // TTL bit set but no TTL follows.
        refused(ch, RawFrames.request(5, 0x1C, body("ks", 0x01, 0x09, key, value, 0x01)), ErrorCode.PROTOCOL_ERROR, 5);
        // CAS without its new value; DELETE_IF without its expected value.
        refused(ch, RawFrames.request(5, 0x19, body("ks", 0x01, 0x09, key, value)), ErrorCode.PROTOCOL_ERROR, 5);
        refused(ch, RawFrames.request(5, 0x1A, body("ks", 0x01, 0x09, key)), ErrorCode.PROTOCOL_ERROR, 5);
        refused(ch, RawFrames.request(5, 0x1A, body("ks", 0x01, 0x09, key, value, 0x00)), ErrorCode.PROTOCOL_ERROR, 5);
        // No serial level at all.
        refused(ch, RawFrames.request(5, 0x1A, body("ks", 0x01)), ErrorCode.PROTOCOL_ERROR, 5);
        stillWorks(ch);
    }

    @Test
    void malformedSerialWriteResults() {
        EmbeddedChannel client = new EmbeddedChannel(new FrameDecoder(), new MessageCodec(registry, PeerRole.CLIENT));
        // applied must be 0 or 1
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> client.writeInbound(RawFrames.frame(0x81, 0, 6, 0x99, new byte[] {2})));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        // not applied, but the current value is missing; applied, but followed by a value
        assertThrows(ProtocolException.class, () -> client.writeInbound(RawFrames.frame(0x81, 0, 6, 0x99, new byte[] {0})));
        assertThrows(ProtocolException.class,
                () -> client.writeInbound(RawFrames.frame(0x81, 0, 6, 0x98, new byte[] {1, 0})));
        // a SERIAL_PUT cannot fail its (absent) condition
        assertThrows(ProtocolException.class,
                () -> client.writeInbound(RawFrames.frame(0x81, 0, 6, 0x9C, new byte[] {0, 0})));
        client.writeInbound(RawFrames.frame(0x81, 0, 7, 0x9A, new byte[] {0, 0}));
        Envelope ok = client.readInbound();
        assertEquals(io.stratadb.client.protocol.message.data.SerialWriteResult.notApplied(Opcode.DELETE_IF,
                io.stratadb.client.protocol.message.data.ValueResult.absent()), ok.message());
        assertFalse(client.finishAndReleaseAll());
    }

    @Test
    void responseOpcodeOrDirectionInARequestFrame() {
        EmbeddedChannel ch = server();
        refused(ch, RawFrames.request(1, 0x90, new byte[0]), ErrorCode.PROTOCOL_ERROR, 1);
        refused(ch, RawFrames.frame(0x81, 0, 2, 0x10, new byte[0]), ErrorCode.PROTOCOL_ERROR, 2);
        stillWorks(ch);
    }

    @Test
    void unknownFlagsOrUnnegotiatedCompression() {
        EmbeddedChannel ch = server();
        refused(ch, RawFrames.frame(0x01, 0x04, 3, 0x10, new byte[0]), ErrorCode.PROTOCOL_ERROR, 3);
        ProtocolException e = refused(ch, RawFrames.frame(0x01, 0x01, 4, 0x10, new byte[0]),
                ErrorCode.PROTOCOL_ERROR, 4);
        assertTrue(e.getMessage().contains("compression"), e.getMessage());
        stillWorks(ch);
    }

    @Test
    void badUtf8KeyspaceIsAnInvalidRequest() {
        byte[][] badStrings = {
            {(byte) 0xC3, 0x28}, // truncated 2-byte sequence
            {(byte) 0xFF}, // never valid
            {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // UTF-16 surrogate
            {(byte) 0xE2, (byte) 0x82}, // cut-off 3-byte sequence
        };
        EmbeddedChannel ch = server();
        for (byte[] bad : badStrings) {
            byte[] b = body(0, bad.length, bad, 0x01, new byte[] {0, 1, 42});
            refused(ch, RawFrames.request(5, 0x10, b), ErrorCode.INVALID_REQUEST, 5);
        }
        stillWorks(ch);
    }

    @Test
    void lengthsBeyondTheBody() {
        EmbeddedChannel ch = server();
        // key claims 500 bytes, 3 present
        refused(ch, RawFrames.request(6, 0x10, body("ks", 0x01, new byte[] {0x01, (byte) 0xF4, 1, 2, 3})),
                ErrorCode.PROTOCOL_ERROR, 6);
        // keyspace string claims 65535 bytes
        refused(ch, RawFrames.request(6, 0x10, new byte[] {(byte) 0xFF, (byte) 0xFF, 'k'}),
                ErrorCode.PROTOCOL_ERROR, 6);
        // MULTI_GET count of 2^31-1 keys in a 10-byte body: refused before any list is sized
        refused(ch, RawFrames.request(6, 0x13, body("ks", 0x01, new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})),
                ErrorCode.PROTOCOL_ERROR, 6);
        // negative value length
        refused(ch, RawFrames.request(6, 0x11, body("ks", 0x01, new byte[] {0, 1, 9}, new byte[] {-1, -1, -1, -2})),
                ErrorCode.PROTOCOL_ERROR, 6);
        // empty body
        refused(ch, RawFrames.request(6, 0x10, new byte[0]), ErrorCode.PROTOCOL_ERROR, 6);
        stillWorks(ch);
    }

    @Test
    void trailingBytesAndBadEnumsAreRefused() {
        EmbeddedChannel ch = server();
        refused(ch, RawFrames.request(2, 0x10, body("ks", 0x01, new byte[] {0, 1, 42, 0})), ErrorCode.PROTOCOL_ERROR, 2);
        refused(ch, RawFrames.request(2, 0x10, body("ks", 0x7F, new byte[] {0, 1, 42})), ErrorCode.PROTOCOL_ERROR, 2);
        refused(ch, RawFrames.request(2, 0x11, body("ks", 0x01, new byte[] {0, 0}, new byte[] {0, 0, 0, 0}, 0x80)),
                ErrorCode.PROTOCOL_ERROR, 2);
        stillWorks(ch);
    }

    @Test
    void aPeerCannotSendTheOtherSidesMessages() {
        EmbeddedChannel client = new EmbeddedChannel(new io.stratadb.client.protocol.frame.FrameEncoder(),
                new MessageCodec(registry, PeerRole.CLIENT));
        assertThrows(io.netty.handler.codec.EncoderException.class, () -> client.writeOutbound(
                new Envelope(1, new io.stratadb.client.protocol.message.data.PutResult(1))));
        assertFalse(client.finishAndReleaseAll());
    }

    /**
     * Random truncations and byte flips of valid bodies of every opcode either decode to something or fail
     * with a ProtocolException carrying the stream id: never any other exception, never an OOM.
     */
    @Test
    void mutatedBodiesNeverEscapeAsOtherExceptions() {
        long seed = TestSeeds.seed("mutatedBodiesNeverEscapeAsOtherExceptions");
        Random random = new Random(seed);
        RandomMessages messages = new RandomMessages(random);
        EmbeddedChannel server = server();
        EmbeddedChannel client = new EmbeddedChannel(new FrameDecoder(), new MessageCodec(registry, PeerRole.CLIENT));
        int refusedCount = 0;
        for (int round = 0; round < 40; round++) {
            for (Opcode op : Opcode.values()) {
                Message m = messages.of(op);
                ByteBuf encoded = ByteBufAllocator.DEFAULT.buffer();
                registry.codecFor(m).encode(m, new BodyWriter(encoded));
                byte[] b = RawFrames.toArray(encoded);
                encoded.release();
                if (b.length > 0 && random.nextBoolean()) {
                    b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                } else {
                    for (int k = 0, n = 1 + random.nextInt(4); k < n && b.length > 0; k++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt();
                    }
                }
                int stream = random.nextInt(0x10000);
                ByteBuf frame = RawFrames.frame(op.isResponse() ? 0x81 : 0x01, 0, stream, op.code(), b);
                EmbeddedChannel target = op.isResponse() ? client : server;
                Executable write = () -> target.writeInbound(frame);
                try {
                    write.execute();
                    Envelope e = target.readInbound();
                    assertEquals(stream, e.streamId());
                } catch (ProtocolException e) {
                    assertEquals(stream, e.streamId(), "seed " + seed);
                    assertFalse(e.isFatal());
                    refusedCount++;
                } catch (Throwable t) {
                    throw new AssertionError("seed " + seed + ", " + op + ": " + t, t);
                }
                assertEquals(0, frame.refCnt());
            }
        }
        assertTrue(refusedCount > 0);
        assertFalse(server.finishAndReleaseAll());
        assertFalse(client.finishAndReleaseAll());
    }
}
