package io.stratadb.node.coordinator;

import io.stratadb.storage.Cell;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

import java.nio.ByteBuffer;

/**
 * The digest a replica returns for a digest read: 8 bytes of XXHash64 over everything reconciliation
 * looks at (kind, timestamp, deletion time, value), so two replicas with equal digests hold the same
 * cell and a coordinator need not fetch it twice. XXHash64 rather than a cryptographic hash: a collision
 * only costs a missed read repair, and this runs on every digest read. Absent cells digest to a fixed
 * value distinct from any cell's (the kind byte 0xFF is never a cell kind).
 */
public final class CellDigest {

    private static final XXHash64 HASH = XXHashFactory.fastestJavaInstance().hash64();
    private static final long SEED = 0x5354524154414442L; // "STRATADB"

    private CellDigest() {
    }

    public static byte[] of(Cell cell) {
        ByteBuffer b;
        if (cell == null) {
            b = ByteBuffer.allocate(1).put((byte) 0xFF);
        } else {
            byte[] v = cell.value();
            int len = v == null ? 0 : v.length;
            b = ByteBuffer.allocate(1 + 8 + 4 + len).put((byte) cell.kind().code()).putLong(cell.timestamp())
                    .putInt(cell.localDeletionTime());
            if (v != null) {
                b.put(v);
            }
        }
        long h = HASH.hash(b.array(), 0, b.position(), SEED);
        return ByteBuffer.allocate(8).putLong(h).array();
    }
}
