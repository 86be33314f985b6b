package io.stratadb.node.hints;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.ReadableFile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads one hint file entry by entry, oldest first, checking every checksum (format in
 * {@code docs/hints.md}). It tells a <em>torn tail</em> from <em>corruption</em>:
 *
 * <ul>
 *   <li>torn tail: the file ends inside an entry, or everything from an entry's start to the end of the
 *       file is zero bytes (a file system that extended the file before the data reached it). That is what
 *       a crash during an unsynced append leaves; no acknowledged hint was there, so it is cut silently
 *       (logged by the caller);
 *   <li>corruption: a complete entry whose length or payload CRC does not match, a length beyond
 *       {@link #MAX_PAYLOAD_BYTES}, or a payload that does not decode. Synced bytes changed; the rest of
 *       the file cannot be trusted (a wrong length would misplace every later frame), so reading stops
 *       there with a {@link CorruptionException} naming the file and offset.
 * </ul>
 */
final class HintFileReader implements Closeable {

    /** A larger length with a matching CRC is still treated as corruption rather than allocated. */
    static final int MAX_PAYLOAD_BYTES = 128 << 20;

    /** How the file ended, once {@link #next()} has returned null. */
    enum End { CLEAN, TORN_TAIL, CORRUPT }

    /** One decoded entry, and where its frame starts and ends. */
    record Entry(Hint hint, long offset, long nextOffset) {
        int frameBytes() {
            return (int) (nextOffset - offset);
        }
    }

    private final Path path;
    private final ReadableFile file;
    private final long size;
    private final long dataStart;
    private long position;
    private End end;
    private CorruptionException corruption;

    private HintFileReader(Path path, ReadableFile file, long size, long dataStart) {
        this.path = path;
        this.file = file;
        this.size = size;
        this.dataStart = dataStart;
        this.position = dataStart;
    }

    /**
     * Opens a file and checks its header.
     *
     * @return null if the file is shorter than its header (created, then the crash came before the
     *     first sync: it holds no acknowledged hint)
     * @throws CorruptionException if the header is complete but wrong (magic, version, CRC, host id)
     */
    static HintFileReader open(FileSystem fs, Path path, String expectedHostId) throws IOException {
        ReadableFile file = fs.open(path);
        try {
            long size = file.size();
            if (size < HintFileHeader.PREFIX_BYTES) {
                file.close();
                return null;
            }
            ByteBuffer prefix = ByteBuffer.allocate(HintFileHeader.PREFIX_BYTES);
            file.readFully(prefix, 0);
            int magic = prefix.getInt(0);
            int version = Short.toUnsignedInt(prefix.getShort(4));
            int idLength = Short.toUnsignedInt(prefix.getShort(6));
            if (magic != HintFileHeader.MAGIC) {
                throw new CorruptionException(path, 0, "bad hint file magic " + Integer.toHexString(magic));
            }
            int headerLength = HintFileHeader.length(idLength);
            if (size < headerLength) {
                file.close();
                return null;
            }
            ByteBuffer header = ByteBuffer.allocate(headerLength);
            file.readFully(header, 0);
            int stored = header.getInt(headerLength - 4);
            if (stored != HintFileHeader.crc(header.array(), 0, headerLength - 4)) {
                throw new CorruptionException(path, 0, "hint file header CRC mismatch");
            }
            try {
                HintFormatVersion.fromCode(version);
            } catch (IllegalArgumentException e) {
                throw new CorruptionException(path, 4, e.getMessage());
            }
            String hostId = new String(header.array(), HintFileHeader.PREFIX_BYTES, idLength, StandardCharsets.UTF_8);
            if (!hostId.equals(expectedHostId)) {
                throw new CorruptionException(path, HintFileHeader.PREFIX_BYTES,
                        "hint file is for host " + hostId + ", not " + expectedHostId);
            }
            return new HintFileReader(path, file, size, headerLength);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Where the first entry starts. */
    long dataStart() {
        return dataStart;
    }

    /** Continues from {@code offset}, which must be an entry boundary this reader (or an earlier one) returned. */
    void seek(long offset) {
        if (offset < dataStart || offset > size) {
            throw new IllegalArgumentException("offset " + offset + " outside " + path);
        }
        position = offset;
    }

    /** The next entry, or null at the end of the file (see {@link #end()}). */
    Entry next() throws IOException {
        if (end != null) {
            return null;
        }
        long start = position;
        if (size - start == 0) {
            return finish(End.CLEAN);
        }
        if (size - start < 8) {
            return finish(End.TORN_TAIL);
        }
        ByteBuffer frame = ByteBuffer.allocate(8);
        file.readFully(frame, start);
        int length = frame.getInt(0);
        if (frame.getInt(4) != crc(frame.array(), 0, 4)) {
            return zerosFrom(start) ? finish(End.TORN_TAIL) : corrupt(start, "hint entry length CRC mismatch");
        }
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            return corrupt(start, "hint entry length " + Integer.toUnsignedString(length) + " out of range");
        }
        long next = start + HintFileWriter.FRAME_OVERHEAD + length;
        if (next > size) {
            return finish(End.TORN_TAIL);
        }
        ByteBuffer body = ByteBuffer.allocate(length + 4);
        file.readFully(body, start + 8);
        if (body.getInt(length) != crc(body.array(), 0, length)) {
            return corrupt(start, "hint entry payload CRC mismatch");
        }
        Hint hint;
        try {
            hint = HintCodec.decode(body.clear().limit(length));
        } catch (IllegalArgumentException e) {
            return corrupt(start, "undecodable hint entry (" + e.getMessage() + ")");
        }
        position = next;
        return new Entry(hint, start, next);
    }

    /** Why reading stopped; null while entries remain. */
    End end() {
        return end;
    }

    /** Where reading stopped: the end of the last good entry (where a torn tail should be cut). */
    long position() {
        return position;
    }

    /** The corruption that stopped reading, if {@link #end()} is CORRUPT. */
    CorruptionException corruption() {
        return corruption;
    }

    Path path() {
        return path;
    }

    private Entry finish(End how) {
        end = how;
        return null;
    }

    private Entry corrupt(long offset, String what) {
        corruption = new CorruptionException(path, offset, what);
        return finish(End.CORRUPT);
    }

    private boolean zerosFrom(long offset) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        for (long at = offset; at < size; at += chunk.capacity()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), size - at));
            file.readFully(chunk, at);
            for (int i = 0; i < chunk.limit(); i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
