package io.stratadb.client.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.TestSeeds;
import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.frame.FrameCompressor;
import io.stratadb.client.protocol.frame.FrameDecoder;
import io.stratadb.client.protocol.frame.FrameDecompressor;
import io.stratadb.client.protocol.frame.FrameEncoder;
import io.stratadb.client.protocol.frame.Lz4BodyCompression;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.testing.RandomMessages;
import io.stratadb.client.protocol.testing.RawFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every message type survives encode/decode, alone and through the full Netty stack, compressed or not. */
class MessageRoundTripTest {
    private static final int ROUNDS = 60;
    private final CodecRegistry registry = V1Codecs.registry();

    @Test
    void everyOpcodeHasACodec() {
        for (Opcode op : Opcode.values()) {
            assertNotNull(registry.codecFor(op), op + " has no codec");
        }
    }

    @Test
    void bodyCodecsRoundTripEveryMessage() {
        long seed = TestSeeds.seed("bodyCodecsRoundTripEveryMessage");
        RandomMessages messages = new RandomMessages(new Random(seed));
        for (Opcode op : Opcode.values()) {
            for (int i = 0; i < ROUNDS; i++) {
                Message m = messages.of(op);
                ByteBuf buf = ByteBufAllocator.DEFAULT.buffer();
                try {
                    registry.codecFor(m).encode(m, new BodyWriter(buf));
                    BodyReader reader = new BodyReader(buf, 1);
                    Message decoded = registry.codecFor(op).decode(reader);
                    assertEquals(m, decoded, "seed " + seed + ", " + op);
                    assertEquals(0, reader.remaining(), "seed " + seed + ", " + op + " left bytes unread");
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void requestsCrossTheWireFromClientToServer() {
        crossTheWire("requestsCrossTheWireFromClientToServer", false, false);
    }

    @Test
    void responsesCrossTheWireFromServerToClient() {
        crossTheWire("responsesCrossTheWireFromServerToClient", true, false);
    }

    @Test
    void compressedMessagesCrossTheWire() {
        crossTheWire("compressedMessagesCrossTheWire (requests)", false, true);
        crossTheWire("compressedMessagesCrossTheWire (responses)", true, true);
    }

    private void crossTheWire(String test, boolean responses, boolean compress) {
        long seed = TestSeeds.seed(test);
        Random random = new Random(seed);
        RandomMessages messages = new RandomMessages(random);
        PeerRole senderRole = responses ? PeerRole.SERVER : PeerRole.CLIENT;
        PeerRole receiverRole = responses ? PeerRole.CLIENT : PeerRole.SERVER;
        EmbeddedChannel sender = channel(senderRole, compress);
        EmbeddedChannel receiver = channel(receiverRole, compress);
        List<Envelope> sent = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (op.isResponse() != responses) {
                continue;
            }
            for (int i = 0; i < ROUNDS / 4; i++) {
                Envelope e = new Envelope(random.nextInt(0x10000), messages.of(op));
                sent.add(e);
                assertTrue(sender.writeOutbound(e));
            }
        }
        ByteBuf wire = RawFrames.drainOutbound(sender);
        // Deliver in random-sized chunks so frames are both split and coalesced.
        while (wire.isReadable()) {
            int n = Math.min(wire.readableBytes(), 1 + random.nextInt(4096));
            receiver.writeInbound(wire.readRetainedSlice(n));
        }
        wire.release();
        for (Envelope expected : sent) {
            assertEquals(expected, receiver.readInbound(), "seed " + seed);
        }
        assertNull(receiver.readInbound());
        assertFalse(sender.finishAndReleaseAll());
        assertFalse(receiver.finishAndReleaseAll());
    }

    private EmbeddedChannel channel(PeerRole role, boolean compress) {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(), new FrameEncoder());
        if (compress) {
            Lz4BodyCompression lz4 = new Lz4BodyCompression(16 << 20);
            ch.pipeline().addLast(new FrameDecompressor(lz4), new FrameCompressor(lz4, 0));
        }
        ch.pipeline().addLast(new MessageCodec(registry, role));
        return ch;
    }
}
