package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.LocalFileSystem;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The V2 layout, byte for byte, as docs/commitlog-format.md shows it ("Example"). */
class SectionHeaderTest {

    /** Segment header of segment 1, then one section (38 entry bytes, synced up to 20) holding one entry. */
    static final String EXAMPLE = "5354434c 0002 0000 0000000000000001 53dbadee"
            + " 53454354 00000026 0000000000000014 07506baf"
            + " 0000001a 33dba490 0001 74 00000001 6b 00 0000000000000001 7fffffff 00000001 76 6586fa22";

    @TempDir
    Path dir;

    @Test
    void theFirstAppendToAFreshLogIsWrittenExactlyAsDocumented() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, new LocalFileSystem())) {
            log.append(new Mutation("t", new byte[] {'k'}, Cell.value(new byte[] {'v'}, 1))).join();
        }
        byte[] expected = HexFormat.of().parseHex(EXAMPLE.replace(" ", ""));
        byte[] segment = Files.readAllBytes(CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L));

        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(java.util.Arrays.copyOf(segment, expected.length)));
        int end = segment.length;
        while (end > 0 && segment[end - 1] == 0) {
            end--;
        }
        assertEquals(expected.length, end, "then zeros to the end of the segment");
    }

    @Test
    void checkAcceptsWhatPutWroteAndRejectsAWrongMarker() {
        CRC32C crc = new CRC32C();
        ByteBuffer b = ByteBuffer.allocate(SectionHeader.SIZE);
        SectionHeader.put(b, 0, 38, 20, crc);
        assertNull(SectionHeader.check(b, crc));
        assertEquals(38, SectionHeader.length(b));
        assertEquals(20, SectionHeader.syncedUpTo(b));
        b.putInt(0, SectionHeader.MARKER + 1);
        assertNotNull(SectionHeader.check(b, crc));
    }
}
