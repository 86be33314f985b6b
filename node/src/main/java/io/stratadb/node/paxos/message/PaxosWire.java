package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.MalformedFrameException;
import io.stratadb.node.messaging.payload.CellCodec;
import io.stratadb.node.paxos.Ballot;
import io.stratadb.node.paxos.Proposal;
import io.stratadb.storage.Cell;

import java.nio.charset.StandardCharsets;

/**
 * The encodings the Paxos payloads share, with the internode conventions of {@code messaging.payload}
 * (whose helpers are package-private there): table = u16 length + UTF-8, key = i32 length + bytes,
 * ballot = i64 micros + i64 node id, optional cell = presence byte + {@link CellCodec}, proposal =
 * ballot + optional cell. Layouts in docs/paxos.md.
 */
final class PaxosWire {

    private static final int MAX_TABLE_BYTES = 0xFFFF;

    private PaxosWire() {
    }

    static void writeTable(ByteBuf out, String table) {
        byte[] b = table.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_TABLE_BYTES) {
            throw new IllegalArgumentException("table name longer than " + MAX_TABLE_BYTES + " bytes");
        }
        out.writeShort(b.length);
        out.writeBytes(b);
    }

    static String readTable(ByteBuf in) {
        int length = in.readUnsignedShort();
        if (length > in.readableBytes()) {
            throw new MalformedFrameException("table length " + length + " but " + in.readableBytes() + " bytes left");
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    static void writeKey(ByteBuf out, byte[] key) {
        out.writeInt(key.length);
        out.writeBytes(key);
    }

    static byte[] readKey(ByteBuf in) {
        int length = in.readInt();
        // Checked before allocating: a forged length must not make us allocate gigabytes.
        if (length < 0 || length > in.readableBytes()) {
            throw new MalformedFrameException("key length " + length + " but " + in.readableBytes() + " bytes left");
        }
        byte[] key = new byte[length];
        in.readBytes(key);
        return key;
    }

    static void writeBallot(ByteBuf out, Ballot b) {
        out.writeLong(b.micros());
        out.writeLong(b.nodeId());
    }

    static Ballot readBallot(ByteBuf in) {
        long micros = in.readLong();
        return new Ballot(micros, in.readLong());
    }

    static void writeOptionalCell(ByteBuf out, Cell c) {
        out.writeByte(c == null ? 0 : 1);
        if (c != null) {
            CellCodec.write(out, c);
        }
    }

    static Cell readOptionalCell(ByteBuf in, String what) {
        return readBoolean(in, what) ? CellCodec.read(in) : null;
    }

    static void writeProposal(ByteBuf out, Proposal p) {
        writeBallot(out, p.ballot());
        writeOptionalCell(out, p.update());
    }

    static Proposal readProposal(ByteBuf in) {
        Ballot b = readBallot(in);
        if (b.isNone()) {
            throw new MalformedFrameException("a proposal with no ballot");
        }
        return new Proposal(b, readOptionalCell(in, "proposal cell presence"));
    }

    static boolean readBoolean(ByteBuf in, String what) {
        byte b = in.readByte();
        if (b != 0 && b != 1) {
            throw new MalformedFrameException(what + ": expected 0 or 1, got " + b);
        }
        return b == 1;
    }
}
