package io.stratadb.storage.sstable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fixed-width big-endian reads and writes on byte arrays. VarHandle views compile to single loads and
 * stores, which matters on the get path where every binary-search step reads an entry offset.
 */
final class BigEndian {

    // Immutable accessors, not state: sharing them is as safe as sharing a constant.
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {
    }

    static int getInt(byte[] b, int offset) {
        return (int) INT.get(b, offset);
    }

    static long getLong(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }

    static void putInt(byte[] b, int offset, int value) {
        INT.set(b, offset, value);
    }

    static void putLong(byte[] b, int offset, long value) {
        LONG.set(b, offset, value);
    }
}
