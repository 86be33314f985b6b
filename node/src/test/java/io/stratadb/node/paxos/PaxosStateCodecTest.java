package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaxosStateCodecTest {

    private static final Path WHERE = Path.of("system_paxos");

    @Test
    void randomStatesRoundTrip() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("PaxosStateCodecTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Ballot promised = new Ballot(r.nextLong(), r.nextLong());
            Proposal accepted = r.nextBoolean() ? null : new Proposal(promised, r.nextBoolean() ? null : cell(r));
            Ballot committed = r.nextBoolean() ? Ballot.NONE : new Ballot(r.nextLong(), r.nextLong());
            PaxosState s = new PaxosState(promised, accepted, committed, r.nextBoolean() ? null : cell(r));
            assertEquals(s, PaxosStateCodec.decode(PaxosStateCodec.encode(s), WHERE), "seed " + seed);
        }
    }

    @Test
    void theLayoutIsAsDocumented() {
        PaxosState s = new PaxosState(new Ballot(1, 2), null, Ballot.NONE, null);
        byte[] bytes = PaxosStateCodec.encode(s);
        assertEquals(34, bytes.length);
        assertEquals(1, bytes[0], "version");
        assertEquals(0, bytes[1], "flags");
        assertEquals(1, bytes[9], "promised micros, big-endian");
        assertEquals(2, bytes[17], "promised node id");
        assertEquals((byte) 0x80, bytes[18], "committed NONE is Long.MIN_VALUE");
    }

    @Test
    void unknownVersionsFlagsTruncationAndTrailingBytesAreCorruption() {
        byte[] good = PaxosStateCodec.encode(new PaxosState(new Ballot(1, 2), new Proposal(new Ballot(1, 2),
                Cell.value(new byte[] {1, 2, 3}, 1)), Ballot.NONE, null));
        byte[] version = good.clone();
        version[0] = 2;
        assertThrows(CorruptionException.class, () -> PaxosStateCodec.decode(version, WHERE));
        byte[] flags = good.clone();
        flags[1] = (byte) 0x80;
        assertThrows(CorruptionException.class, () -> PaxosStateCodec.decode(flags, WHERE));
        assertThrows(CorruptionException.class, () -> PaxosStateCodec.decode(Arrays.copyOf(good, good.length - 1), WHERE));
        assertThrows(CorruptionException.class, () -> PaxosStateCodec.decode(Arrays.copyOf(good, good.length + 1), WHERE));
    }

    private static Cell cell(Random r) {
        byte[] v = new byte[r.nextInt(20)];
        r.nextBytes(v);
        switch (r.nextInt(3)) {
            case 0: return Cell.value(v, r.nextLong());
            case 1: return Cell.expiring(v, r.nextLong(), r.nextInt(Integer.MAX_VALUE));
            default: return Cell.tombstone(r.nextLong(), r.nextInt(Integer.MAX_VALUE));
        }
    }
}
