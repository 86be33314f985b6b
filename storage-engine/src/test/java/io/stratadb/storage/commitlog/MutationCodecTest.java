package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MutationCodecTest {

    private final MutationCodec codec = new MutationCodec();

    private static ByteBuffer encode(Mutation m) {
        int tableBytes = MutationCodec.utf8Length(m.table());
        ByteBuffer b = ByteBuffer.allocate(MutationCodec.encodedSize(m, tableBytes));
        MutationCodec.encode(m, tableBytes, b);
        assertEquals(b.capacity(), b.position(), "encodedSize must match what encode writes");
        return b.flip();
    }

    @Test
    void everyCellKindRoundTrips() {
        Mutation[] ms = {
            new Mutation("users", new byte[] {1, 2, 3}, Cell.value(new byte[] {9, 8}, 1_700_000_000_000_000L)),
            new Mutation("users", new byte[] {1}, Cell.expiring(new byte[] {7}, -5L, 1_800_000_000)),
            new Mutation("users", new byte[] {1}, Cell.tombstone(Long.MAX_VALUE, 12)),
            new Mutation("", new byte[0], Cell.value(new byte[0], Long.MIN_VALUE)),
            new Mutation("tâble_表格_\uD83D\uDE00", new byte[] {0}, Cell.value(new byte[] {0}, 0)),
        };
        for (Mutation m : ms) {
            assertSameMutation(m, codec.decode(encode(m)), m.toString());
        }
    }

    @Test
    void randomMutationsRoundTrip() {
        long seed = CommitLogTestSupport.seed("randomMutationsRoundTrip");
        RandomMutations random = new RandomMutations(seed, 4096);
        for (int i = 0; i < 2000; i++) {
            Mutation m = random.next();
            assertSameMutation(m, codec.decode(encode(m)), "seed " + seed + " #" + i);
        }
    }

    @Test
    void utf8LengthMatchesTheJdkAndRefusesUnpairedSurrogates() {
        for (String s : new String[] {"", "abc", "é", "表", "\uD83D\uDE00", "a\u0800b\u07FF"}) {
            assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, MutationCodec.utf8Length(s), s);
        }
        assertEquals(-1, MutationCodec.utf8Length("a\uD83D"));
        assertEquals(-1, MutationCodec.utf8Length("\uDE00b"));
    }

    @Test
    void malformedPayloadsAreRefusedWithTheFieldNamed() {
        Mutation m = new Mutation("t", new byte[] {1, 2}, Cell.value(new byte[] {3, 4, 5}, 1));
        ByteBuffer good = encode(m);

        ByteBuffer cut = good.duplicate().limit(good.limit() - 1);
        assertTrue(decodeError(cut).contains("value length"), decodeError(cut));

        ByteBuffer longer = ByteBuffer.allocate(good.limit() + 1).put(good.duplicate()).put((byte) 0).flip();
        assertTrue(decodeError(longer).contains("unexpected bytes"), decodeError(longer));

        ByteBuffer badKind = copy(good);
        int kindOffset = 2 + 1 + 4 + 2;
        badKind.put(kindOffset, (byte) 7);
        assertTrue(decodeError(badKind).contains("unknown cell kind code 7"), decodeError(badKind));

        ByteBuffer hugeKey = copy(good);
        hugeKey.putInt(2 + 1, -1);
        assertTrue(decodeError(hugeKey).contains("key length 4294967295"), decodeError(hugeKey));

        ByteBuffer tombstoneWithValue = copy(encode(new Mutation("t", new byte[] {1}, Cell.value(new byte[] {1}, 1))));
        tombstoneWithValue.put(2 + 1 + 4 + 1, (byte) Cell.Kind.TOMBSTONE.code());
        assertTrue(decodeError(tombstoneWithValue).contains("tombstone"), decodeError(tombstoneWithValue));

        ByteBuffer badUtf8 = copy(good);
        badUtf8.put(2, (byte) 0xFF);
        assertTrue(decodeError(badUtf8).contains("UTF-8"), decodeError(badUtf8));
    }

    private static ByteBuffer copy(ByteBuffer b) {
        return ByteBuffer.allocate(b.remaining()).put(b.duplicate()).flip();
    }

    private String decodeError(ByteBuffer b) {
        return assertThrows(IllegalArgumentException.class, () -> codec.decode(b.duplicate())).getMessage();
    }
}
