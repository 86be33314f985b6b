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

/** The V1 scanner's reading rules on bytes in memory (no header: scanning starts at 0). */
class EntryScannerTest {

    private static byte[] frames(int count) {
        ByteBuffer b = ByteBuffer.allocate(64 * count);
        EntryEncoder encoder = new EntryEncoder(b);
        for (int i = 0; i < count; i++) {
            Mutation m = new Mutation("t", new byte[] {(byte) i}, Cell.value(new byte[] {(byte) i, 1}, i));
            encoder.encode(m, MutationCodec.encodedSize(m, 1), 1);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static EntryScanner scanner(byte[] bytes) {
        return new EntryScanner(new CommitLogTestSupport.ArraySegmentBytes(bytes), 0);
    }

    private static int count(EntryScanner s) throws IOException {
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
        EntryScanner padded = scanner(Arrays.copyOf(bytes, bytes.length + 1000));
        assertEquals(5, count(padded));
        assertNull(padded.problem());
        EntryScanner fewZeros = scanner(Arrays.copyOf(bytes, bytes.length + 3));
        assertEquals(5, count(fewZeros));
        assertNull(fewZeros.problem());
    }

    @Test
    void findsAnIntactEntryAfterDamageAtAnyByteOffset() throws IOException {
        byte[] one = frames(1);
        byte[] bytes = new byte[37 + one.length];
        Arrays.fill(bytes, 0, 37, (byte) 0x5A);
        System.arraycopy(one, 0, bytes, 37, one.length);
        EntryScanner s = scanner(bytes);

        assertNull(s.next());
        assertEquals(0, s.problemOffset());
        assertNotNull(s.problem());
        SegmentScanner.Verdict verdict = s.judgeDamage();
        assertTrue(verdict.provenWritten());
        assertTrue(verdict.explanation().contains("offset 37"), verdict.explanation());
    }

    @Test
    void anEntryWithABadPayloadChecksumDoesNotCountAsIntact() throws IOException {
        byte[] bytes = frames(3);
        bytes[bytes.length - 6] ^= 1;
        EntryScanner s = scanner(bytes);

        assertEquals(2, count(s));
        assertTrue(s.problem().contains("payload checksum"), s.problem());
        assertFalse(s.judgeDamage().provenWritten());
    }
}
