package io.stratadb.storage.manifest;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.ReadableFile;
import io.stratadb.storage.io.WritableFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads and atomically replaces the {@code MANIFEST} file. Layout (docs/storage-engine.md, "Manifest"):
 * magic, version, payload length, payload, CRC32C of everything before it. Replacement writes
 * {@code MANIFEST.tmp}, syncs it, renames it over {@code MANIFEST} and syncs the directory, so a crash
 * leaves either the old or the new manifest, never a mix.
 */
public final class ManifestFile {

    public static final String NAME = "MANIFEST";
    static final int MAGIC = 0x5354524D; // "STRM"
    static final short VERSION = 1;
    private static final int HEADER = 12;
    private static final int MAX_PAYLOAD = 64 << 20;

    private final FileSystem fs;
    private final Path dir;
    private final Path path;
    private final Path tmp;

    public ManifestFile(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
        this.path = dir.resolve(NAME);
        this.tmp = dir.resolve(NAME + ".tmp");
    }

    public Path path() {
        return path;
    }

    /** The durable manifest, or null when none was ever written. */
    public Manifest read() throws IOException {
        if (!fs.exists(path)) {
            return null;
        }
        ByteBuffer buf;
        try (ReadableFile file = fs.open(path)) {
            long size = file.size();
            if (size < HEADER + 4 || size > HEADER + 4 + (long) MAX_PAYLOAD) {
                throw new CorruptionException(path, 0, "manifest has impossible size " + size);
            }
            buf = ByteBuffer.allocate((int) size);
            file.readFully(buf, 0);
            buf.flip();
        }
        if (buf.getInt(0) != MAGIC) {
            throw new CorruptionException(path, 0, "bad manifest magic");
        }
        int payloadLength = buf.getInt(8);
        if (payloadLength < 0 || HEADER + payloadLength + 4 != buf.limit()) {
            throw new CorruptionException(path, 8, "manifest payload length " + payloadLength + " does not match file size");
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.duplicate().limit(HEADER + payloadLength));
        if ((int) crc.getValue() != buf.getInt(HEADER + payloadLength)) {
            throw new CorruptionException(path, HEADER + payloadLength, "manifest checksum mismatch");
        }
        short version = buf.getShort(4);
        if (version != VERSION) {
            throw new CorruptionException(path, 4, "unsupported manifest version " + version);
        }
        try {
            return decode(buf.position(HEADER).limit(HEADER + payloadLength).slice());
        } catch (RuntimeException e) {
            throw new CorruptionException(path, HEADER, "undecodable manifest payload: " + e);
        }
    }

    /** Makes {@code manifest} the durable one. */
    public void write(Manifest manifest) throws IOException {
        byte[] payload = encode(manifest);
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length + 4);
        buf.putInt(MAGIC).putShort(VERSION).putShort((short) 0).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        buf.flip();
        try (WritableFile out = fs.create(tmp)) {
            out.write(buf);
            out.sync();
        }
        fs.rename(tmp, path);
        fs.syncDirectory(dir);
    }

    static byte[] encode(Manifest m) {
        int size = 12;
        for (Map.Entry<String, List<SSTableEntry>> e : m.all().entrySet()) {
            size += 2 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + 9 * e.getValue().size();
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putLong(m.nextGeneration());
        buf.putInt(m.all().size());
        for (Map.Entry<String, List<SSTableEntry>> e : m.all().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            buf.putShort((short) name.length).put(name);
            buf.putInt(e.getValue().size());
            for (SSTableEntry s : e.getValue()) {
                buf.putLong(s.generation()).put((byte) s.level());
            }
        }
        return buf.array();
    }

    static Manifest decode(ByteBuffer buf) {
        long next = buf.getLong();
        int tables = buf.getInt();
        if (tables < 0 || tables > buf.remaining()) {
            throw new IllegalArgumentException("table count " + tables);
        }
        Map<String, List<SSTableEntry>> map = new TreeMap<>();
        for (int t = 0; t < tables; t++) {
            byte[] name = new byte[Short.toUnsignedInt(buf.getShort())];
            buf.get(name);
            int count = buf.getInt();
            if (count < 0 || count > buf.remaining() / 9) {
                throw new IllegalArgumentException("sstable count " + count);
            }
            List<SSTableEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(new SSTableEntry(buf.getLong(), Byte.toUnsignedInt(buf.get())));
            }
            map.put(new String(name, StandardCharsets.UTF_8), entries);
        }
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException(buf.remaining() + " trailing bytes");
        }
        return new Manifest(next, map);
    }
}
