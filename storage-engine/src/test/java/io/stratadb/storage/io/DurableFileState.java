package io.stratadb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What of one file would survive a crash, for {@link FaultInjectingFileSystem}: the length it had at
 * its last sync, and the synced contents of every page overwritten since (copied on the first write
 * to the page after a sync). Bytes past the synced length need no copy: a crash cuts them off.
 *
 * <p>Not thread-safe; the file system guards every instance with its state lock.
 */
final class DurableFileState {

    /** Copy granularity; any size works, a page keeps the copies few and small. */
    static final int PAGE_SIZE = 4096;

    private long length;
    /** Page index to the synced bytes of that page (shorter than a page at the synced length). */
    private final Map<Long, byte[]> savedPages = new TreeMap<>();

    DurableFileState(long length) {
        this.length = length;
    }

    /** Bytes of the file that would survive a crash now. */
    long length() {
        return length;
    }

    /**
     * Called before bytes {@code [from, to)} are overwritten: keeps the synced contents of every page
     * they touch below the synced length, unless kept already since the last sync.
     *
     * @param file reads the file as it is now (still holding the synced bytes of those pages)
     */
    void beforeWrite(ReadableFile file, long from, long to) throws IOException {
        long end = Math.min(to, length);
        for (long page = from / PAGE_SIZE; page * PAGE_SIZE < end; page++) {
            if (!savedPages.containsKey(page)) {
                long start = page * PAGE_SIZE;
                ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(PAGE_SIZE, length - start));
                file.readFully(bytes, start);
                savedPages.put(page, bytes.array());
            }
        }
    }

    /** Everything now in the file is durable (after a sync, or a truncate, which syncs). */
    void synced(long newLength) {
        length = newLength;
        savedPages.clear();
    }

    /** The durable contents, given the file's current contents. */
    byte[] durableContents(byte[] current) {
        byte[] out = new byte[(int) length];
        System.arraycopy(current, 0, out, 0, (int) Math.min(length, current.length));
        for (Map.Entry<Long, byte[]> e : savedPages.entrySet()) {
            byte[] page = e.getValue();
            System.arraycopy(page, 0, out, (int) (e.getKey() * PAGE_SIZE), page.length);
        }
        return out;
    }

    /** Puts the file back to its durable contents, as a crash that loses every unsynced write would leave it. */
    void restore(FileSystem fs, Path path) throws IOException {
        restore(fs, path, null);
    }

    /**
     * Puts the file back to what a power cut could leave. With {@code random} null every unsynced write is
     * lost. Otherwise each page overwritten since the last sync independently keeps its new contents or
     * gets back its synced ones, as a disk that persisted the dirty pages in any order and was cut off
     * partway; bytes appended past the synced length are cut at a random page boundary (all, some
     * leading pages, or none of them survive). A page straddling the synced length is one page: if its
     * appended tail survives the cut, so do its overwritten bytes.
     */
    void restore(FileSystem fs, Path path, Random random) throws IOException {
        if (!fs.exists(path)) {
            return;
        }
        long size = fs.size(path);
        long cut = random == null ? length : randomCut(size, random);
        long straddling = length % PAGE_SIZE == 0 ? -1 : length / PAGE_SIZE;
        for (Map.Entry<Long, byte[]> e : savedPages.entrySet()) {
            long page = e.getKey();
            boolean keepNew = random != null && ((page == straddling && cut > length) || random.nextBoolean());
            if (!keepNew) {
                try (WritableFile f = fs.openForOverwrite(path, page * PAGE_SIZE)) {
                    f.write(ByteBuffer.wrap(e.getValue()));
                    f.sync();
                }
            }
        }
        savedPages.clear();
        if (size > cut) {
            fs.truncate(path, cut);
        }
    }

    /** The synced length, or a page boundary between it and {@code size}, or {@code size}, each equally likely. */
    private long randomCut(long size, Random random) {
        if (size <= length) {
            return length;
        }
        long firstBoundary = length / PAGE_SIZE + 1;
        long lastBoundary = (size - 1) / PAGE_SIZE;
        long boundaries = Math.max(0, lastBoundary - firstBoundary + 1);
        long pick = (long) (random.nextDouble() * (boundaries + 2));
        if (pick == 0) {
            return length;
        }
        return pick <= boundaries ? (firstBoundary + pick - 1) * PAGE_SIZE : size;
    }
}
