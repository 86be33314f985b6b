package io.stratadb.client.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.testing.RawFrames;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The byte-by-byte example of docs/protocol.md, section 6.2.1, is what the codecs write and read. */
class SerialWriteLayoutTest {
    private final CodecRegistry registry = V1Codecs.registry();

    private byte[] encode(Message m) {
        ByteBuf buf = Unpooled.buffer();
        registry.codecFor(m).encode(m, new BodyWriter(buf));
        return RawFrames.toArray(buf);
    }

    private Message decode(Opcode op, byte[] body) {
        return registry.codecFor(op).decode(new BodyReader(Unpooled.wrappedBuffer(body), 1));
    }

    @Test
    void theDocumentedCasExample() {
        CasRequest cas = new CasRequest("ks", ConsistencyLevel.QUORUM, ConsistencyLevel.SERIAL, Bytes.ofUtf8("k"),
                Bytes.ofUtf8("a"), Bytes.ofUtf8("b"), OptionalInt.empty());
        byte[] wire = {0x00, 0x02, 'k', 's', 0x04, 0x09, 0x00, 0x01, 'k', 0x00, 0x00, 0x00, 0x01, 'a',
            0x00, 0x00, 0x00, 0x01, 'b', 0x00};
        assertArrayEquals(wire, encode(cas));
        assertEquals(cas, decode(Opcode.CAS, wire));
    }

    @Test
    void theDocumentedResults() {
        long t = 0x0102030405060708L;
        SerialWriteResult notApplied = SerialWriteResult.notApplied(Opcode.CAS, ValueResult.of(Bytes.ofUtf8("c"), t));
        byte[] wire = {0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 'c', 1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(wire, encode(notApplied));
        assertEquals(notApplied, decode(Opcode.CAS_RESULT, wire));
        assertArrayEquals(new byte[] {0x01}, encode(SerialWriteResult.applied(Opcode.CAS)));
        assertEquals(Opcode.DELETE_IF_RESULT, decode(Opcode.DELETE_IF_RESULT, new byte[] {0x01}).opcode());
    }
}
