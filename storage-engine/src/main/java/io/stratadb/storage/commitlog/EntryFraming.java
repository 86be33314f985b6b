package io.stratadb.storage.commitlog;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How an entry is framed inside a segment; see docs/commitlog-format.md ("Entry framing"):
 *
 * <pre>
 * u32 payload length L (1 .. MAX_PAYLOAD)
 * u32 CRC32C of the 4 length bytes
 * L bytes of payload
 * u32 CRC32C of the L payload bytes
 * </pre>
 *
 * <p>The length has its own checksum so a reader can tell a torn or flipped length from a real one
 * before trusting it to find the next entry. Eight zero bytes where a header would be mean "nothing
 * written from here on"; a real header is never all zero because CRC32C of a zero length is not zero.
 */
final class EntryFraming {

    static final int HEADER_BYTES = 8;
    static final int TRAILER_BYTES = 4;
    static final int OVERHEAD = HEADER_BYTES + TRAILER_BYTES;
    static final int MAX_PAYLOAD = MutationCodec.MAX_ENCODED_SIZE;

    private EntryFraming() {
    }

    static int frameSize(int payloadBytes) {
        return OVERHEAD + payloadBytes;
    }

    /**
     * CRC32C of {@code buf[from, to)}, leaving {@code buf}'s position and limit alone. {@code crc} is
     * reset first; passing it in lets a hot loop reuse one instance.
     */
    static int crc32c(CRC32C crc, ByteBuffer buf, int from, int to) {
        crc.reset();
        crc.update(buf.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }

    /** Checksum stored after a length field. */
    static int lengthCrc(CRC32C crc, int length) {
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        return (int) crc.getValue();
    }
}
