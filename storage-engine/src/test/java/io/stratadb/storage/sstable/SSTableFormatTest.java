package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the bytes that docs/sstable-format.md describes, so the document and the code cannot drift. */
class SSTableFormatTest {

    @Test
    void theEntryExampleOfTheFormatDocument() {
        DataBlockBuilder b = new DataBlockBuilder(4096);
        b.add("k1".getBytes(StandardCharsets.US_ASCII), Cell.value(new byte[] {(byte) 0xAA, (byte) 0xBB}, 5));
        ByteArrayBuilder block = b.finish();
        byte[] expected = HexFormat.of().parseHex("026b3100" + "0000000000000005" + "02aabb" + "00000000" + "00000001");
        assertArrayEquals(expected, Arrays.copyOf(block.array(), block.size()));
    }

    @Test
    void tombstonesAndExpiringCellsCarryTheirDeletionTime() {
        DataBlockBuilder b = new DataBlockBuilder(4096);
        b.add(new byte[] {1}, Cell.tombstone(7, 0x01020304));
        b.add(new byte[] {2}, Cell.expiring(new byte[0], 8, 9));
        ByteArrayBuilder block = b.finish();
        byte[] expected = HexFormat.of().parseHex("010102" + "0000000000000007" + "01020304"
                + "010201" + "0000000000000008" + "00000009" + "00" + "00000000" + "0000000f" + "00000002");
        assertArrayEquals(expected, Arrays.copyOf(block.array(), block.size()));
    }

    @Test
    void theFooterEndsWithVersionCrcAndMagic(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("t.sst");
        var model = SSTableRoundTripTest.randomModel(new Random(5), 50);
        SSTableStats stats = TestTables.write(new LocalFileSystem(), path, SSTableOptions.of(256, false, 0.01), model);
        byte[] file = Files.readAllBytes(path);
        ByteBuffer tail = ByteBuffer.wrap(file, file.length - 16, 16);
        assertEquals(1, tail.getInt());
        tail.getInt(); // footer CRC
        assertEquals("STRATASS", new String(file, file.length - 8, 8, StandardCharsets.US_ASCII));
        Footer footer = Footer.decode(Arrays.copyOfRange(file, file.length - Footer.SIZE, file.length), path,
                file.length - Footer.SIZE);
        assertEquals(file.length - Footer.SIZE, footer.stats().end());
        assertEquals(stats.fileSize(), file.length);
    }

    @Test
    void varIntsUseSevenBitGroupsLowFirst() {
        byte[] b = new byte[10];
        for (long v : new long[] {0, 1, 127, 128, 300, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE, -1L}) {
            int end = VarInt.write(b, 0, v);
            assertEquals(VarInt.size(v), end, "size of " + v);
            assertEquals(v, VarInt.read(b, 0, end));
        }
        assertEquals(2, VarInt.write(b, 0, 300));
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, Arrays.copyOf(b, 2));
        assertThrows(IllegalArgumentException.class, () -> VarInt.read(new byte[] {(byte) 0x80}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> VarInt.readInt(new byte[] {(byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, 0x7F}, 0, 5));
    }
}
