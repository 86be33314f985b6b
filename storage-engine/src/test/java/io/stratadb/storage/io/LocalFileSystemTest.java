package io.stratadb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemTest {

    @TempDir
    Path dir;

    private final FileSystem fs = new LocalFileSystem();

    @Test
    void openForOverwriteWritesInPlaceFromThePositionWithoutTruncating() throws IOException {
        Path f = dir.resolve("f");
        Files.write(f, new byte[] {1, 1, 1, 1, 1, 1, 1, 1});
        try (WritableFile w = fs.openForOverwrite(f, 2)) {
            assertEquals(2, w.size(), "size() starts at the position");
            w.write(ByteBuffer.wrap(new byte[] {5, 6}));
            w.write(ByteBuffer.wrap(new byte[] {7}));
            assertEquals(5, w.size(), "size() is the write position, not the file length");
            w.sync();
        }
        assertArrayEquals(new byte[] {1, 1, 5, 6, 7, 1, 1, 1}, Files.readAllBytes(f));
    }

    @Test
    void anOverwritePastTheEndExtendsTheFile() throws IOException {
        Path f = dir.resolve("f");
        Files.write(f, new byte[] {1, 1});
        try (WritableFile w = fs.openForOverwrite(f, 1)) {
            w.write(ByteBuffer.wrap(new byte[] {2, 3, 4}));
        }
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(f));
        try (WritableFile w = fs.openForOverwrite(f, 4)) {
            w.write(ByteBuffer.wrap(new byte[] {5}));
        }
        assertEquals(5, Files.size(f));
    }

    @Test
    void openForOverwriteRefusesMissingFilesAndPositionsOutsideTheFile() throws IOException {
        assertThrows(NoSuchFileException.class, () -> fs.openForOverwrite(dir.resolve("missing"), 0));
        Path f = dir.resolve("f");
        Files.write(f, new byte[4]);
        assertThrows(IllegalArgumentException.class, () -> fs.openForOverwrite(f, 5));
        assertThrows(IllegalArgumentException.class, () -> fs.openForOverwrite(f, -1));
        assertEquals(4, Files.size(f));
    }

    @Test
    void listDirectoriesGivesOnlyDirectoriesSortedAndNothingForAMissingOne() throws IOException {
        Files.createDirectory(dir.resolve("b"));
        Files.createDirectory(dir.resolve("a"));
        Files.write(dir.resolve("c"), new byte[1]);

        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), fs.listDirectories(dir));
        assertEquals(List.of(dir.resolve("c")), fs.list(dir));
        assertTrue(fs.listDirectories(dir.resolve("missing")).isEmpty());
    }
}
