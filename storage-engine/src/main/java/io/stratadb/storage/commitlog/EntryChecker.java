package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Checks one framed entry (length, its CRC32C, payload, its CRC32C; see {@link EntryFraming}) at a
 * given offset of a segment. Both layouts frame entries the same way; they differ in what bounds an
 * entry (the segment end in V1, the end of its section in V2), hence the limit. Keeps one CRC instance,
 * so checking allocates nothing.
 */
final class EntryChecker {

    private final SegmentBytes bytes;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer payload;

    EntryChecker(SegmentBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * Null if an intact entry starts at {@code at} and ends by {@code limit} (its payload is then
     * {@link #payload()}), else why not.
     *
     * @param limitName what {@code limit} is, for the message ("segment end", "section end")
     */
    String check(long at, long limit, String limitName) throws IOException {
        payload = null;
        if (limit - at < EntryFraming.HEADER_BYTES) {
            return "partial entry header: " + (limit - at) + " bytes before the " + limitName;
        }
        ByteBuffer header = bytes.read(at, EntryFraming.HEADER_BYTES);
        int length = header.getInt(0);
        int storedLengthCrc = header.getInt(4);
        if (EntryFraming.lengthCrc(crc, length) != storedLengthCrc) {
            return header.getLong(0) == 0 ? "zeroed entry header" : "entry length checksum mismatch";
        }
        if (length <= 0 || length > EntryFraming.MAX_PAYLOAD) {
            return "entry length " + Integer.toUnsignedString(length) + " outside [1, " + EntryFraming.MAX_PAYLOAD
                    + "]";
        }
        long frameEnd = at + EntryFraming.OVERHEAD + length;
        if (frameEnd > limit) {
            return "entry of " + length + " payload bytes runs past the " + limitName + " at " + limit;
        }
        ByteBuffer body = bytes.read(at + EntryFraming.HEADER_BYTES, length + EntryFraming.TRAILER_BYTES);
        if (EntryFraming.crc32c(crc, body, 0, length) != body.getInt(length)) {
            return "entry payload checksum mismatch";
        }
        payload = body.limit(length);
        return null;
    }

    /** The payload of the entry {@link #check} last found intact (a view valid until the next read), or null. */
    ByteBuffer payload() {
        return payload;
    }

    /** Frame size of the entry {@link #check} last found intact. */
    int frameSize() {
        return EntryFraming.frameSize(payload.remaining());
    }

    /** Whether a length field could start an entry (in range, and its CRC matches): cheap, for searches. */
    boolean plausibleLength(int length, int storedLengthCrc) {
        return length > 0 && length <= EntryFraming.MAX_PAYLOAD
                && EntryFraming.lengthCrc(crc, length) == storedLengthCrc;
    }
}
