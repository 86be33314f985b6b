package io.stratadb.storage.merge;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges several sorted sources into one sorted stream with one entry per key: versions of the same
 * key from different sources are reconciled with {@link Cell#reconcile}, so the order of the sources
 * does not change the result.
 */
public final class MergingCellIterator implements CellIterator {

    private final List<? extends CellIterator> sources;
    private final PriorityQueue<CellIterator> heap;
    private byte[] key;
    private Cell cell;

    public MergingCellIterator(List<? extends CellIterator> sources) {
        this.sources = sources;
        this.heap = new PriorityQueue<>(Math.max(1, sources.size()),
                (a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        for (CellIterator source : sources) {
            if (source.advance()) {
                heap.add(source);
            }
        }
    }

    @Override
    public boolean advance() {
        CellIterator top = heap.poll();
        if (top == null) {
            return false;
        }
        key = top.key();
        cell = top.cell();
        if (top.advance()) {
            heap.add(top);
        }
        while (!heap.isEmpty() && Arrays.equals(heap.peek().key(), key)) {
            CellIterator same = heap.poll();
            cell = Cell.reconcile(cell, same.cell());
            if (same.advance()) {
                heap.add(same);
            }
        }
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
        for (CellIterator source : sources) {
            source.close();
        }
    }
}
