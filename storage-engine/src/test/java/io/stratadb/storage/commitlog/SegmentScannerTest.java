package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The scanner's reading rules on bytes in memory (no header: scanning starts at 0). */
class SegmentScannerTest {

    private static byte[] frames(int count) {
        ByteBuffer b = ByteBuffer.allocate(64 * count);
        EntryEncoder encoder = new EntryEncoder(b);
        for (int i = 0; i < count; i++) {
            Mutation m = new Mutation("t", new byte[] {(byte) i}, Cell.value(new byte[] {(byte) i, 1}, i));
            encoder.encode(m, MutationCodec.encodedSize(m, 1), 1);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static SegmentScanner scanner(byte[] bytes) {
        return new SegmentScanner(new CommitLogTestSupport.ArraySegmentBytes(bytes), 0);
    }

    private static int count(SegmentScanner s) throws IOException {
        int n = 0;
        while (s.next() != null) {
            n++;
        }
        return n;
    }

    @Test
    void readsEveryEntryAndEndsCleanlyAtTheEndOrAtZeros() throws IOException {
        byte[] bytes = frames(5);
        assertEquals(5, count(scanner(bytes)));
        SegmentScanner padded = scanner(Arrays.copyOf(bytes, bytes.length + 1000));
        assertEquals(5, count(padded));
        assertNull(padded.problem());
        SegmentScanner fewZeros = scanner(Arrays.copyOf(bytes, bytes.length + 3));
        assertEquals(5, count(fewZeros));
        assertNull(fewZeros.problem());
    }

    @Test
    void findsAnIntactEntryAfterDamageAtAnyByteOffset() throws IOException {
        byte[] one = frames(1);
        byte[] bytes = new byte[37 + one.length];
        Arrays.fill(bytes, 0, 37, (byte) 0x5A);
        System.arraycopy(one, 0, bytes, 37, one.length);
        SegmentScanner s = scanner(bytes);

        assertNull(s.next());
        assertEquals(0, s.problemOffset());
        assertNotNull(s.problem());
        assertTrue(s.validEntryFollows(0));
        assertFalse(scanner(bytes).validEntryFollows(37), "nothing after the only intact entry");
    }

    @Test
    void anEntryWithABadPayloadChecksumDoesNotCountAsIntact() throws IOException {
        byte[] bytes = frames(3);
        bytes[bytes.length - 6] ^= 1;
        SegmentScanner s = scanner(bytes);

        assertEquals(2, count(s));
        assertTrue(s.problem().contains("payload checksum"), s.problem());
        assertFalse(s.validEntryFollows(s.problemOffset()));
    }
}
