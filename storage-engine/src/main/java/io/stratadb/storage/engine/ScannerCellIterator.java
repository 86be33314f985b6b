package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.merge.CellIterator;
import io.stratadb.storage.sstable.SSTableScanner;

import java.io.IOException;

/** Adapts an {@link SSTableScanner} (positioned, then moved) to a {@link CellIterator} (moved, then read). */
final class ScannerCellIterator implements CellIterator {

    private final SSTableScanner scanner;
    private boolean started;

    ScannerCellIterator(SSTableScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public boolean advance() {
        try {
            if (started) {
                scanner.next();
            }
        } catch (IOException e) {
            throw new StorageException("SSTable scan failed", e);
        }
        started = true;
        return scanner.hasNext();
    }

    @Override
    public byte[] key() {
        return scanner.key();
    }

    @Override
    public Cell cell() {
        return scanner.cell();
    }

    @Override
    public void close() {
        scanner.close();
    }
}
