package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The on-disk encoding of {@link PaxosState} (the value of a {@code system_paxos} row), big-endian:
 *
 * <pre>
 * u8   format version (1)
 * u8   flags: bit 0 an accepted proposal follows, bit 1 it carries a cell (clear: a no-op),
 *             bit 2 a committed value follows; other bits zero
 * 16B  promised ballot (i64 micros, i64 node id; Ballot.NONE is MIN_VALUE twice)
 * 16B  committed ballot
 * [16B accepted ballot, then its cell if bit 1]   if bit 0
 * [cell]                                          if bit 2
 * cell: u8 kind (Cell.Kind code), i64 timestamp micros, i32 local deletion time, i32 length, bytes
 * </pre>
 *
 * See docs/paxos.md. A new layout gets a new version byte; readers refuse versions they do not know.
 */
public final class PaxosStateCodec {

    public static final int VERSION_1 = 1;
    private static final int ACCEPTED = 1;
    private static final int ACCEPTED_HAS_CELL = 2;
    private static final int COMMITTED_VALUE = 4;
    private static final int HEADER = 2 + 2 * Ballot.BYTES;

    private PaxosStateCodec() {
    }

    public static byte[] encode(PaxosState s) {
        Proposal accepted = s.accepted();
        int size = HEADER;
        int flags = 0;
        if (accepted != null) {
            flags |= ACCEPTED;
            size += Ballot.BYTES;
            if (!accepted.isNoop()) {
                flags |= ACCEPTED_HAS_CELL;
                size += cellSize(accepted.update());
            }
        }
        if (s.committedValue() != null) {
            flags |= COMMITTED_VALUE;
            size += cellSize(s.committedValue());
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) VERSION_1).put((byte) flags);
        s.promised().writeTo(b);
        s.committed().writeTo(b);
        if (accepted != null) {
            accepted.ballot().writeTo(b);
            if (!accepted.isNoop()) {
                writeCell(b, accepted.update());
            }
        }
        if (s.committedValue() != null) {
            writeCell(b, s.committedValue());
        }
        return b.array();
    }

    /**
     * @param where the file or directory named in a {@link CorruptionException} when the bytes are not
     *     a state this version wrote
     */
    public static PaxosState decode(byte[] bytes, Path where) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int version = b.get() & 0xFF;
            if (version != VERSION_1) {
                throw new CorruptionException(where, 0, "paxos state of unknown format version " + version);
            }
            int flags = b.get() & 0xFF;
            if ((flags & ~(ACCEPTED | ACCEPTED_HAS_CELL | COMMITTED_VALUE)) != 0
                    || ((flags & ACCEPTED_HAS_CELL) != 0 && (flags & ACCEPTED) == 0)) {
                throw new CorruptionException(where, 1, "paxos state with invalid flags " + flags);
            }
            Ballot promised = Ballot.readFrom(b);
            Ballot committed = Ballot.readFrom(b);
            Proposal accepted = null;
            if ((flags & ACCEPTED) != 0) {
                Ballot ballot = Ballot.readFrom(b);
                accepted = new Proposal(ballot, (flags & ACCEPTED_HAS_CELL) != 0 ? readCell(b, where) : null);
            }
            Cell committedValue = (flags & COMMITTED_VALUE) != 0 ? readCell(b, where) : null;
            if (b.hasRemaining()) {
                throw new CorruptionException(where, b.position(), "paxos state with " + b.remaining() + " trailing bytes");
            }
            return new PaxosState(promised, accepted, committed, committedValue);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptionException(where, 0, "malformed paxos state: " + e);
        }
    }

    private static int cellSize(Cell c) {
        return 1 + 8 + 4 + 4 + c.value().length;
    }

    private static void writeCell(ByteBuffer b, Cell c) {
        b.put((byte) c.kind().code()).putLong(c.timestamp()).putInt(c.localDeletionTime()).putInt(c.value().length).put(c.value());
    }

    private static Cell readCell(ByteBuffer b, Path where) {
        Cell.Kind kind = Cell.Kind.fromCode(b.get() & 0xFF);
        long timestamp = b.getLong();
        int ldt = b.getInt();
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new CorruptionException(where, b.position(), "paxos state cell length " + length);
        }
        byte[] value = new byte[length];
        b.get(value);
        return Cell.of(kind, timestamp, ldt, value);
    }
}
