package io.stratadb.storage.commitlog;

import io.stratadb.storage.Mutation;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Frames mutations into one reusable (direct) batch buffer, computing both checksums in place. Owned
 * by the writer thread; keeps one CRC instance and one view of the buffer so encoding allocates
 * nothing.
 */
final class EntryEncoder {

    private final ByteBuffer target;
    private final ByteBuffer checksumView;
    private final CRC32C crc = new CRC32C();

    EntryEncoder(ByteBuffer target) {
        this.target = target;
        this.checksumView = target.duplicate();
    }

    /**
     * Appends one framed entry at the target's position.
     *
     * @param payloadBytes {@link MutationCodec#encodedSize} of {@code m}
     * @param tableNameBytes UTF-8 length of the table name
     */
    void encode(Mutation m, int payloadBytes, int tableNameBytes) {
        target.putInt(payloadBytes);
        target.putInt(EntryFraming.lengthCrc(crc, payloadBytes));
        int payloadStart = target.position();
        MutationCodec.encode(m, tableNameBytes, target);
        int payloadEnd = target.position();
        crc.reset();
        checksumView.limit(payloadEnd).position(payloadStart);
        crc.update(checksumView);
        target.putInt((int) crc.getValue());
    }
}
