package io.stratadb.node.paxos.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.stratadb.node.messaging.MalformedFrameException;
import io.stratadb.node.messaging.PayloadCodec;
import io.stratadb.node.paxos.Ballot;
import io.stratadb.node.paxos.Proposal;
import io.stratadb.storage.Cell;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaxosMessageCodecTest {

    private record Case<T>(PayloadCodec<T> codec, Function<Random, T> gen) {
        void roundTrip(Random r, long seed) {
            T payload = gen.apply(r);
            ByteBuf buf = Unpooled.buffer();
            codec.encode(payload, buf);
            int size = buf.readableBytes();
            T back = codec.decode(buf);
            assertEquals(payload, back, "seed " + seed + ", " + codec.type().getSimpleName());
            assertEquals(0, buf.readableBytes(), "consumes exactly its payload");

            // One byte short must fail as malformed input (the framing layer turns Netty's
            // IndexOutOfBoundsException into MalformedFrameException), never decode to something.
            ByteBuf cut = Unpooled.buffer();
            codec.encode(payload, cut);
            ByteBuf shorter = cut.slice(0, size - 1);
            RuntimeException e = assertThrows(RuntimeException.class, () -> codec.decode(shorter));
            assertTrue(e instanceof MalformedFrameException || e instanceof IndexOutOfBoundsException, e.toString());
        }
    }

    private static Ballot ballot(Random r) {
        return new Ballot(r.nextLong(), r.nextLong());
    }

    private static Cell cell(Random r) {
        byte[] v = new byte[r.nextInt(30)];
        r.nextBytes(v);
        switch (r.nextInt(3)) {
            case 0: return Cell.value(v, r.nextLong());
            case 1: return Cell.expiring(v, r.nextLong(), r.nextInt(Integer.MAX_VALUE));
            default: return Cell.tombstone(r.nextLong(), r.nextInt(Integer.MAX_VALUE));
        }
    }

    private static Proposal proposal(Random r) {
        return new Proposal(ballot(r), r.nextBoolean() ? null : cell(r));
    }

    private static byte[] key(Random r) {
        byte[] k = new byte[1 + r.nextInt(20)];
        r.nextBytes(k);
        return k;
    }

    private static String table(Random r) {
        return "ks_" + Integer.toHexString(r.nextInt()) + (r.nextBoolean() ? "é" : "");
    }

    @Test
    void everyPaxosPayloadRoundTripsAndRefusesTruncation() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("PaxosMessageCodecTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
        Random r = new Random(seed);
        List<Case<?>> cases = List.of(
                new Case<>(PrepareRequestCodec.INSTANCE, x -> new PrepareRequest(table(x), key(x), ballot(x))),
                new Case<>(PromiseResponseCodec.INSTANCE, x -> x.nextBoolean()
                        ? PromiseResponse.promise(ballot(x), x.nextBoolean() ? null : proposal(x), ballot(x), x.nextBoolean() ? null : cell(x))
                        : PromiseResponse.reject(ballot(x), ballot(x))),
                new Case<>(ProposeRequestCodec.INSTANCE, x -> new ProposeRequest(table(x), key(x), proposal(x))),
                new Case<>(AcceptResponseCodec.INSTANCE, x -> new AcceptResponse(ballot(x), x.nextBoolean(), ballot(x))),
                new Case<>(CommitRequestCodec.INSTANCE, x -> new CommitRequest(table(x), key(x), proposal(x))),
                new Case<>(CommitAckCodec.INSTANCE, x -> new CommitAck(ballot(x))));
        for (int i = 0; i < 300; i++) {
            for (Case<?> c : cases) {
                c.roundTrip(r, seed);
            }
        }
    }

    @Test
    void theAcceptLayoutIsAsDocumented() {
        ByteBuf buf = Unpooled.buffer();
        AcceptResponseCodec.INSTANCE.encode(new AcceptResponse(new Ballot(1, 2), true, new Ballot(3, 4)), buf);
        assertEquals(33, buf.readableBytes());
        assertEquals(1, buf.getLong(0));
        assertEquals(2, buf.getLong(8));
        assertEquals(1, buf.getByte(16));
        assertEquals(3, buf.getLong(17));
    }

    @Test
    void aBadFlagByteOrAForgedKeyLengthIsMalformed() {
        ByteBuf buf = Unpooled.buffer().writeLong(1).writeLong(2).writeByte(7).writeLong(3).writeLong(4);
        assertThrows(MalformedFrameException.class, () -> AcceptResponseCodec.INSTANCE.decode(buf));
        ByteBuf forged = Unpooled.buffer().writeShort(1).writeByte('t').writeInt(Integer.MAX_VALUE).writeByte(0);
        assertThrows(MalformedFrameException.class, () -> PrepareRequestCodec.INSTANCE.decode(forged));
    }
}
