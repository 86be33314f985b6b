package io.stratadb.node.hints;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.WritableFile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Appends framed hint entries to one new hint file. Each entry (see {@code docs/hints.md}) is
 *
 * <pre>
 * length u32 | crc32c(length bytes) u32 | payload (length bytes) | crc32c(payload) u32
 * </pre>
 *
 * The length has its own CRC so a flipped length bit is caught before it sends the reader off to a wrong
 * offset. A batch of entries goes out in one write; nothing is durable before {@link #sync()}. Not
 * thread-safe: {@link HintStore} writes each file from one flush at a time.
 */
final class HintFileWriter implements Closeable {

    /** Per-entry framing overhead: length, its CRC, the payload CRC. */
    static final int FRAME_OVERHEAD = 12;

    private final Path path;
    private final WritableFile file;
    private long hints;

    private HintFileWriter(Path path, WritableFile file) {
        this.path = path;
        this.file = file;
    }

    /** Creates the file and writes its header (not yet synced; the first {@link #sync()} does that). */
    static HintFileWriter create(FileSystem fs, Path path, String hostId) throws IOException {
        WritableFile file = fs.create(path);
        try {
            file.write(HintFileHeader.encode(hostId));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return new HintFileWriter(path, file);
    }

    /** Appends one entry per payload, in order, in one write. */
    void append(List<byte[]> payloads) throws IOException {
        int total = 0;
        for (byte[] p : payloads) {
            total += FRAME_OVERHEAD + p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (byte[] p : payloads) {
            int lengthAt = out.position();
            out.putInt(p.length);
            crc.reset();
            crc.update(out.array(), lengthAt, 4);
            out.putInt((int) crc.getValue());
            out.put(p);
            crc.reset();
            crc.update(p);
            out.putInt((int) crc.getValue());
        }
        file.write(out.flip());
        hints += payloads.size();
    }

    void sync() throws IOException {
        file.sync();
    }

    /** Bytes written so far, header included. */
    long size() throws IOException {
        return file.size();
    }

    long hints() {
        return hints;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
