package io.stratadb.storage.sstable;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference count that starts at one and, once it has dropped to zero, can never be raised again:
 * a reader whose file may already be closed or deleted must not be handed out.
 */
final class RefCounter {

    private final AtomicInteger refs = new AtomicInteger(1);

    boolean tryRef() {
        for (;;) {
            int r = refs.get();
            if (r <= 0) {
                return false;
            }
            if (refs.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    /**
     * @return true if this call released the last reference
     * @throws IllegalStateException if there was none left to release
     */
    boolean release() {
        for (;;) {
            int r = refs.get();
            if (r <= 0) {
                throw new IllegalStateException("released more often than referenced");
            }
            if (refs.compareAndSet(r, r - 1)) {
                return r == 1;
            }
        }
    }

    boolean isReleased() {
        return refs.get() <= 0;
    }

    int count() {
        return Math.max(0, refs.get());
    }
}
