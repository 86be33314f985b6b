package io.stratadb.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectingFileSystemTest {

    @TempDir
    Path dir;

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.wrap(new byte[n]);
    }

    @Test
    void crashCutsEveryFileBackToItsLastSyncedLength() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("a");
        WritableFile w = fs.create(f);
        fs.syncDirectory(dir);
        w.write(bytes(100));
        w.sync();
        w.write(bytes(50));
        assertEquals(100, fs.durableLength(f));

        fs.crash();

        assertEquals(100, Files.size(f));
        assertEquals(1, fs.syncCount());
    }

    @Test
    void filesThatExistedBeforeCountAsDurable() throws IOException {
        Files.write(dir.resolve("old"), new byte[10]);
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.append(dir.resolve("old"));
        w.write(bytes(5));

        fs.crash();

        assertEquals(10, Files.size(dir.resolve("old")));
    }

    @Test
    void createNotFollowedByDirectorySyncIsUndone() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("new"));
        w.write(bytes(10));
        w.sync();

        fs.crash();

        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void renameNotFollowedByDirectorySyncIsUndone() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("tmp"));
        w.write(bytes(10));
        w.sync();
        w.close();
        fs.syncDirectory(dir);
        fs.rename(dir.resolve("tmp"), dir.resolve("final"));

        fs.crash();

        assertTrue(Files.exists(dir.resolve("tmp")));
        assertFalse(Files.exists(dir.resolve("final")));
        assertEquals(10, Files.size(dir.resolve("tmp")));
    }

    @Test
    void renameFollowedByDirectorySyncSurvivesWithItsSyncedLength() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("tmp"));
        w.write(bytes(10));
        w.sync();
        w.close();
        fs.rename(dir.resolve("tmp"), dir.resolve("final"));
        fs.syncDirectory(dir);
        WritableFile again = fs.append(dir.resolve("final"));
        again.write(bytes(7));

        fs.crash();

        assertEquals(10, Files.size(dir.resolve("final")));
        assertFalse(Files.exists(dir.resolve("tmp")));
    }

    @Test
    void injectedFaultsFailOnceAndOnlyForMatchingPaths() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile a = fs.create(dir.resolve("a"));
        WritableFile b = fs.create(dir.resolve("b"));
        fs.failNext(FaultInjectingFileSystem.Operation.WRITE, p -> p.endsWith("b"));
        fs.failNext(FaultInjectingFileSystem.Operation.SYNC);

        a.write(bytes(3));
        IOException e = assertThrows(IOException.class, () -> b.write(bytes(3)));
        assertTrue(e.getMessage().contains("injected WRITE failure"), e.getMessage());
        assertEquals(0, b.size(), "a failed write writes nothing");
        b.write(bytes(3));
        assertThrows(IOException.class, a::sync);
        assertEquals(0, fs.durableLength(dir.resolve("a")), "a failed sync makes nothing durable");
        a.sync();
        assertEquals(3, fs.durableLength(dir.resolve("a")));
    }

    @Test
    void aCrashedFileSystemRefusesEverythingUntilRestarted() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("a"));
        fs.syncDirectory(dir);
        w.write(bytes(4));
        w.sync();

        fs.crash();

        assertThrows(IOException.class, () -> w.write(bytes(1)));
        assertThrows(IOException.class, w::sync);
        assertThrows(IOException.class, () -> fs.list(dir));
        assertThrows(UncheckedIOException.class, () -> fs.exists(dir.resolve("a")));
        FaultInjectingFileSystem after = fs.restarted();
        assertEquals(4, after.size(dir.resolve("a")));
        WritableFile again = after.append(dir.resolve("a"));
        again.write(bytes(2));
        after.crash();
        assertEquals(4, Files.size(dir.resolve("a")));
    }
}
