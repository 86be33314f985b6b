package io.stratadb.node.hints;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The header at the start of every hint file (see {@code docs/hints.md}), big-endian:
 *
 * <pre>
 * magic u32 = 0x5354484E ("STHN") | version u16 | host_id_len u16 | host_id UTF-8 | crc32c u32
 * </pre>
 *
 * The CRC32C covers every header byte before it. The target host id is repeated here (it is also the
 * directory name) so a file copied or moved into the wrong directory is caught instead of replayed to
 * the wrong node.
 */
public final class HintFileHeader {

    public static final int MAGIC = 0x5354484E;
    /** Host ids are directory names; 255 bytes is the usual limit for one. */
    public static final int MAX_HOST_ID_BYTES = 255;
    /** The header length before the host id: magic, version, host id length. */
    static final int PREFIX_BYTES = 4 + 2 + 2;

    private HintFileHeader() {
    }

    public static ByteBuffer encode(String hostId) {
        byte[] id = hostId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_HOST_ID_BYTES) {
            throw new IllegalArgumentException("host id must be 1 to " + MAX_HOST_ID_BYTES + " bytes: " + hostId);
        }
        ByteBuffer out = ByteBuffer.allocate(length(id.length));
        out.putInt(MAGIC).putShort((short) HintFormatVersion.CURRENT.code()).putShort((short) id.length).put(id);
        out.putInt(crc(out.array(), 0, out.position()));
        return out.flip();
    }

    /** The header's total length for a host id of {@code hostIdBytes} bytes. */
    public static int length(int hostIdBytes) {
        return PREFIX_BYTES + hostIdBytes + 4;
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
