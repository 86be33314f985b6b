package io.stratadb.node.hints;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HintCodecTest {

    @Test
    void randomHintsRoundTrip() {
        long seed = Long.getLong("seed", System.nanoTime()); // rerun one: -DargLine=-Dseed=N
        System.out.println("HintCodecTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Hint h = randomHint(random);
            Hint back = HintCodec.decode(ByteBuffer.wrap(HintCodec.encode(h)));
            assertEquals(h.createdAtMillis(), back.createdAtMillis(), "seed " + seed);
            assertEquals(h.mutation().table(), back.mutation().table(), "seed " + seed);
            assertArrayEquals(h.mutation().key(), back.mutation().key(), "seed " + seed);
            assertEquals(h.mutation().cell(), back.mutation().cell(), "seed " + seed);
        }
    }

    @Test
    void truncatedOrPaddedPayloadsAreRejected() {
        byte[] good = HintCodec.encode(new Hint(1, new Mutation("t", new byte[] {1}, Cell.value(new byte[] {2}, 3))));
        for (int cut = 0; cut < good.length; cut++) {
            ByteBuffer shorter = ByteBuffer.wrap(good, 0, cut);
            assertThrows(IllegalArgumentException.class, () -> HintCodec.decode(shorter));
        }
        ByteBuffer longer = ByteBuffer.allocate(good.length + 1).put(good).put((byte) 0).flip();
        assertThrows(IllegalArgumentException.class, () -> HintCodec.decode(longer));
    }

    private static Hint randomHint(Random r) {
        byte[] key = bytes(r, 1 + r.nextInt(40));
        long ts = r.nextLong();
        Cell cell;
        switch (r.nextInt(3)) {
            case 0 -> cell = Cell.value(bytes(r, r.nextInt(300)), ts);
            case 1 -> cell = Cell.expiring(bytes(r, r.nextInt(300)), ts, r.nextInt(Integer.MAX_VALUE));
            default -> cell = Cell.tombstone(ts, r.nextInt(Integer.MAX_VALUE));
        }
        String table = "ks" + r.nextInt(1000) + (r.nextBoolean() ? "_ü" : "");
        return new Hint(r.nextLong(), new Mutation(table, key, cell));
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
