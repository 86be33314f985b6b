package io.stratadb.storage.manifest;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndReplacesAtomically() throws Exception {
        ManifestFile file = new ManifestFile(new LocalFileSystem(), dir);
        assertNull(file.read());
        Manifest m = Manifest.empty()
                .withTable("users").withChange("users", List.of(), List.of(new SSTableEntry(7, 0), new SSTableEntry(9, 2)))
                .withTable("événements").withChange("événements", List.of(), List.of(new SSTableEntry(3, 1)));
        file.write(m);
        assertEquals(m, file.read());
        assertEquals(10, file.read().nextGeneration());
        Manifest next = m.withChange("users", List.of(new SSTableEntry(7, 0)), List.of(new SSTableEntry(11, 1)));
        file.write(next);
        assertEquals(next, file.read());
        assertFalse(Files.exists(dir.resolve("MANIFEST.tmp")));
    }

    @Test
    void everySingleBitFlipIsDetected() throws Exception {
        ManifestFile file = new ManifestFile(new LocalFileSystem(), dir);
        file.write(new Manifest(42, Map.of("t", List.of(new SSTableEntry(1, 0), new SSTableEntry(2, 3)))));
        byte[] good = Files.readAllBytes(file.path());
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(file.path(), bad);
            CorruptionException e = assertThrows(CorruptionException.class, file::read, "bit " + bit);
            assertTrue(e.getMessage().contains("MANIFEST"), e.getMessage());
        }
    }

    @Test
    void truncatedManifestIsCorruption() throws Exception {
        ManifestFile file = new ManifestFile(new LocalFileSystem(), dir);
        file.write(new Manifest(5, Map.of("t", List.of(new SSTableEntry(1, 0)))));
        byte[] good = Files.readAllBytes(file.path());
        for (int len = 0; len < good.length; len++) {
            Files.write(file.path(), java.util.Arrays.copyOf(good, len));
            assertThrows(CorruptionException.class, file::read, "length " + len);
        }
    }

    @Test
    void removingAnUnknownSSTableIsRefused() {
        Manifest m = Manifest.empty().withTable("t");
        assertThrows(IllegalStateException.class, () -> m.withChange("t", List.of(new SSTableEntry(1, 0)), List.of()));
    }
}
