package io.stratadb.client.connection;

/**
 * Hands out the stream ids of one connection: 1 to 65535, never one still in use. Id 0 is never handed
 * out, because a server reports errors it cannot tie to a frame on stream 0 (docs/protocol.md, "Stream
 * ids").
 *
 * <p>Allocation rotates through the id space instead of reusing the lowest free id, so an id just freed is
 * the last to come back: a stray answer on an old id is then very unlikely to meet a new request. Not
 * thread-safe; a connection uses it only from its event loop.
 */
public final class StreamIdAllocator {
    /** The highest stream id a u16 can carry. */
    public static final int MAX_STREAM_ID = 0xFFFF;
    /** What {@link #allocate()} returns when every id is in use. */
    public static final int NONE = -1;

    private static final int WORDS = (MAX_STREAM_ID + 1) / Long.SIZE;

    /** Bit i set: id i is in use. Bit 0 is set for good, which keeps id 0 out of circulation. */
    private final long[] used = new long[WORDS];
    private int next = 1;
    private int inUse;

    public StreamIdAllocator() {
        used[0] = 1L;
    }

    /** Returns a free id and marks it used, or {@link #NONE} if all 65,535 are in use. */
    public int allocate() {
        if (inUse == MAX_STREAM_ID) {
            return NONE;
        }
        int word = next >>> 6;
        // Free ids at or after `next` in its word, then whole words, wrapping; at most WORDS + 1 looks.
        long free = ~used[word] & (-1L << (next & 63));
        for (int looked = 0; free == 0; looked++) {
            if (looked > WORDS) {
                throw new IllegalStateException("stream id bitmap disagrees with its count " + inUse);
            }
            word = (word + 1) % WORDS;
            free = ~used[word];
        }
        int id = (word << 6) + Long.numberOfTrailingZeros(free);
        used[word] |= 1L << (id & 63);
        inUse++;
        next = id == MAX_STREAM_ID ? 1 : id + 1;
        return id;
    }

    /** Frees an id that {@link #allocate()} returned; freeing an id that is not in use is a bug. */
    public void release(int id) {
        if (id <= 0 || id > MAX_STREAM_ID) {
            throw new IllegalArgumentException("not an allocatable stream id: " + id);
        }
        long bit = 1L << (id & 63);
        if ((used[id >>> 6] & bit) == 0) {
            throw new IllegalStateException("stream id " + id + " released but not in use");
        }
        used[id >>> 6] &= ~bit;
        inUse--;
    }

    public boolean isInUse(int id) {
        return id > 0 && id <= MAX_STREAM_ID && (used[id >>> 6] & (1L << (id & 63))) != 0;
    }

    /** Ids currently allocated. */
    public int inUse() {
        return inUse;
    }
}
