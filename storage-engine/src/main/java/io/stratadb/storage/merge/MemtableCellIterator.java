package io.stratadb.storage.merge;

import io.stratadb.storage.Cell;

import java.util.Iterator;
import java.util.Map;

/** Adapts a memtable's entry iterator to a {@link CellIterator}. */
public final class MemtableCellIterator implements CellIterator {

    private final Iterator<Map.Entry<byte[], Cell>> entries;
    private byte[] key;
    private Cell cell;

    public MemtableCellIterator(Iterator<Map.Entry<byte[], Cell>> entries) {
        this.entries = entries;
    }

    @Override
    public boolean advance() {
        if (!entries.hasNext()) {
            return false;
        }
        Map.Entry<byte[], Cell> e = entries.next();
        key = e.getKey();
        cell = e.getValue();
        return true;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public void close() {
        // nothing held
    }
}
