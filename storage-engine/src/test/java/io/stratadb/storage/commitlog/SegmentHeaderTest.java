package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentHeaderTest {

    @Test
    void roundTripsTheSegmentId() {
        for (long id : new long[] {1, 2, 1L << 40, Long.MAX_VALUE}) {
            ByteBuffer h = SegmentHeader.encode(id);
            assertEquals(SegmentHeader.SIZE, h.remaining());
            assertEquals(new SegmentHeader.Fields(id, CommitLogFormatVersion.CURRENT), SegmentHeader.decode(h));
        }
    }

    @Test
    void newSegmentsAreV2AndV1HeadersStillDecode() {
        assertEquals(CommitLogFormatVersion.V2, CommitLogFormatVersion.CURRENT);
        assertEquals(2, SegmentHeader.encode(7).getShort(4));
        assertEquals(new SegmentHeader.Fields(7, CommitLogFormatVersion.V1),
                SegmentHeader.decode(SegmentHeader.encode(7, CommitLogFormatVersion.V1)));
    }

    @Test
    void everySingleBitFlipIsDetected() {
        ByteBuffer good = SegmentHeader.encode(42);
        for (int bit = 0; bit < SegmentHeader.SIZE * 8; bit++) {
            ByteBuffer bad = ByteBuffer.allocate(SegmentHeader.SIZE).put(good.duplicate()).flip();
            bad.put(bit / 8, (byte) (bad.get(bit / 8) ^ (1 << (bit % 8))));
            int flipped = bit;
            assertThrows(IllegalArgumentException.class, () -> SegmentHeader.decode(bad), "bit " + flipped);
        }
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        ByteBuffer h = ByteBuffer.allocate(SegmentHeader.SIZE).put(SegmentHeader.encode(3)).flip();
        h.putShort(4, (short) 99);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(h.duplicate().limit(16));
        h.putInt(16, (int) crc.getValue());
        String msg = assertThrows(IllegalArgumentException.class, () -> SegmentHeader.decode(h)).getMessage();
        assertTrue(msg.contains("unknown commit-log format version 99"), msg);
    }

    @Test
    void fileNamesCarryTheIdAndSortByIt() {
        List<String> names = new ArrayList<>();
        for (long id : new long[] {1, 9, 10, 100, 123456789012L, Long.MAX_VALUE}) {
            String name = SegmentFileName.of(id);
            assertEquals(id, SegmentFileName.parse(Path.of(name)));
            names.add(name);
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(names, sorted);
        assertEquals(-1, SegmentFileName.parse(Path.of("commitlog-12.log")));
        assertEquals(-1, SegmentFileName.parse(Path.of(SegmentFileName.temporaryOf(5))));
        assertTrue(SegmentFileName.isTemporary(Path.of(SegmentFileName.temporaryOf(5))));
        assertEquals(-1, SegmentFileName.parse(Path.of("commitlog-" + "9".repeat(19) + ".log")), "id overflows a long");
    }
}
