package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PayloadCodecTest {

    @Test
    void everyVerbRoundTripsRandomPayloads() {
        long seed = System.nanoTime();
        System.out.println("PayloadCodecTest seed " + seed);
        RandomPayloads random = new RandomPayloads(seed);
        for (int i = 0; i < 200; i++) {
            for (Verb verb : Verb.values()) {
                Message m = random.message(verb);
                ByteBuf buf = Unpooled.buffer();
                verb.encodePayload(m.payload(), buf);
                assertEquals(m, Payloads.decode(verb, buf), "seed " + seed + ", " + verb);
            }
        }
    }

    @Test
    void truncatedPayloadIsMalformedNotACrash() {
        long seed = System.nanoTime();
        System.out.println("PayloadCodecTest truncation seed " + seed);
        RandomPayloads random = new RandomPayloads(seed);
        for (Verb verb : Verb.values()) {
            ByteBuf buf = Unpooled.buffer();
            verb.encodePayload(random.payload(verb), buf);
            if (buf.readableBytes() == 0) {
                continue;
            }
            ByteBuf cut = buf.slice(0, buf.readableBytes() - 1);
            assertThrows(MalformedFrameException.class, () -> Payloads.decode(verb, cut), "seed " + seed + ", " + verb);
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        ByteBuf buf = Unpooled.buffer().writeByte(0).writeByte(7);
        assertThrows(MalformedFrameException.class, () -> Payloads.decode(Verb.READ_RESPONSE, buf));
    }

    @Test
    void forgedLengthDoesNotAllocate() {
        // An opaque payload claiming 2 GB with 3 bytes present must fail before allocating.
        ByteBuf buf = Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeBytes(new byte[3]);
        assertThrows(MalformedFrameException.class, () -> Payloads.decode(Verb.GOSSIP_SYN, buf));
    }

    @Test
    void forgedEntryCountDoesNotAllocate() {
        ByteBuf buf = Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeByte(0);
        assertThrows(MalformedFrameException.class, () -> Payloads.decode(Verb.RANGE_READ_RESPONSE, buf));
    }

    @Test
    void verbIdsAreStable() {
        // These ids are on the wire; this test fails if someone renumbers them.
        int[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25};
        Verb[] verbs = Verb.values();
        for (int i = 0; i < verbs.length; i++) {
            assertEquals(expected[i], verbs[i].id(), verbs[i].name());
            assertEquals(verbs[i], Verb.fromId(verbs[i].id()));
        }
        assertEquals(null, Verb.fromId(26));
        assertEquals(null, Verb.fromId(65535));
    }
}
