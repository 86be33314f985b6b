package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers reads from one SSTable file. Footer, statistics and bloom filter are read and checked at
 * open and kept in memory; the block index and data blocks go through the shared caches. Every block
 * is CRC-checked before it is used or cached, so a value from a damaged block is never returned.
 * Thread-safe.
 *
 * <p>Lifetime: {@link #open} returns a reader holding one reference, owned by the caller (the engine's
 * live set). Readers take {@link #tryRef()} / {@link #release()} around each use; when the owner
 * releases its reference and the last reader is done, the file is closed and its cache entries
 * dropped, and if {@link #markObsolete()} was called (compaction replaced it) the file is deleted.
 */
public final class SSTableReader {

    private static final Logger LOG = LoggerFactory.getLogger(SSTableReader.class);

    private final FileSystem fs;
    private final Path path;
    private final long id;
    private final SSTableCaches caches;
    private final SSTableMetrics metrics;
    private final ReadableFile file;
    private final BlockReader blockReader;
    private final long fileSize;
    private final Footer footer;
    private final SSTableStats stats;
    private final BloomFilter bloom;
    private final byte[] minKey;
    private final byte[] maxKey;
    private final RefCounter refs = new RefCounter();
    private final AtomicBoolean deleted = new AtomicBoolean();
    private volatile boolean obsolete;

    private SSTableReader(FileSystem fs, Path path, long id, SSTableCaches caches, SSTableMetrics metrics,
                          ReadableFile file) throws IOException {
        this.fs = fs;
        this.path = path;
        this.id = id;
        this.caches = caches;
        this.metrics = metrics;
        this.file = file;
        this.blockReader = new BlockReader(path, file, LZ4Factory.fastestInstance().safeDecompressor());
        this.fileSize = file.size();
        if (fileSize < Footer.SIZE) {
            throw new CorruptionException(path, 0, "file of " + fileSize + " bytes is too short for an SSTable footer");
        }
        long footerOffset = fileSize - Footer.SIZE;
        byte[] footerBytes = new byte[Footer.SIZE];
        file.readFully(ByteBuffer.wrap(footerBytes), footerOffset);
        this.footer = Footer.decode(footerBytes, path, footerOffset);
        this.stats = decodeMeta(footer.stats(), "statistics block",
                b -> StatsBlock.decode(b, footer.version(), fileSize));
        this.bloom = decodeMeta(footer.bloom(), "bloom block", BloomFilter::decode);
        this.minKey = stats.minKey();
        this.maxKey = stats.maxKey();
    }

    /**
     * Opens and checks an SSTable. The returned reader holds one reference, owned by the caller.
     *
     * @param id unique among the readers sharing {@code caches}; never reuse one for another file
     * @throws CorruptionException if the footer, statistics or bloom filter fail their checks
     */
    public static SSTableReader open(FileSystem fs, Path path, long id, SSTableCaches caches, SSTableMetrics metrics)
            throws IOException {
        ReadableFile file = fs.open(path);
        try {
            return new SSTableReader(fs, path, id, caches, metrics, file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptionException) {
                metrics.corruption();
            }
            try {
                file.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public long id() {
        return id;
    }

    public Path path() {
        return path;
    }

    public long sizeOnDisk() {
        return fileSize;
    }

    public SSTableStats stats() {
        return stats;
    }

    /** True if {@code key} lies within [minKey, maxKey] and the bloom filter says it may be here. */
    public boolean mayContain(byte[] key) {
        return inKeyRange(key) && bloom.mayContain(key);
    }

    /**
     * The cell stored for {@code key}, or null. An absent key is normally turned away by the key range
     * or the bloom filter without touching the index or a data block.
     *
     * @throws CorruptionException if the index or the key's data block fails its checks
     */
    public Cell get(byte[] key) throws IOException {
        checkNotReleased();
        if (!inKeyRange(key)) {
            return null;
        }
        if (!bloom.mayContain(key)) {
            metrics.bloomNegative();
            return null;
        }
        BlockIndex index = index();
        int b = index.findBlock(key);
        if (b >= 0) {
            byte[] block = dataBlock(index, b, true);
            int i = DataBlockReader.find(block, key);
            if (i >= 0) {
                return DataBlockReader.cell(block, DataBlockReader.entryCount(block), i);
            }
        }
        metrics.bloomFalsePositive();
        return null;
    }

    /**
     * Marker {@link #getIfCached} returns, compared by identity, when the answer needs the index or a
     * data block read from the file.
     */
    public static final Cell NOT_CACHED = Cell.tombstone(Long.MIN_VALUE, 0);

    /**
     * As {@link #get}, but only from memory: the key range, the bloom filter, a cached index and a cached
     * block. Returns {@link #NOT_CACHED} instead of reading the file, so callers on threads that must not
     * block (event loops) can answer hits at once and send the rest to a thread that may.
     */
    public Cell getIfCached(byte[] key) {
        checkNotReleased();
        if (!inKeyRange(key)) {
            return null;
        }
        if (!bloom.mayContain(key)) {
            metrics.bloomNegative();
            return null;
        }
        BlockIndex index = caches.indexCache().getIfPresent(id);
        if (index == null) {
            return NOT_CACHED;
        }
        int b = index.findBlock(key);
        if (b >= 0) {
            byte[] block = caches.blocks().getIfCached(id, index.offset(b));
            if (block == null) {
                return NOT_CACHED;
            }
            int i = DataBlockReader.find(block, key);
            if (i >= 0) {
                return DataBlockReader.cell(block, DataBlockReader.entryCount(block), i);
            }
        }
        metrics.bloomFalsePositive();
        return null;
    }

    /**
     * A scanner over the entries with keys {@code >= fromInclusive} (all of them if null). With
     * {@code useCache} false, blocks are read from the file and not added to the block cache, so a
     * compaction or a full scan does not evict the blocks point reads need.
     */
    public SSTableScanner scanner(byte[] fromInclusive, boolean useCache) throws IOException {
        if (!tryRef()) {
            throw new IllegalStateException("SSTable " + path + " is released");
        }
        try {
            return new TableScanner(this, index(), fromInclusive, useCache);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /**
     * Re-reads the whole file and checks it against the footer's digest and the footer against its
     * own CRC.
     *
     * @throws CorruptionException naming the first damaged block if anything differs
     */
    public void verify() throws IOException {
        checkNotReleased();
        try {
            new FileVerifier(path, file, fileSize, footer, blockReader, metrics).verify();
        } catch (CorruptionException e) {
            metrics.corruption();
            throw e;
        }
    }

    /** Takes a reference; false if the reader was already released for good. */
    public boolean tryRef() {
        return refs.tryRef();
    }

    /** Drops a reference; the last one closes the file (and deletes it if obsolete). */
    public void release() {
        if (refs.release()) {
            caches.invalidate(id);
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("Could not close SSTable {}", path, e);
            }
            if (obsolete) {
                deleteFile();
            }
        }
    }

    /** The file is no longer needed (compacted away): delete it once the last reference is released. */
    public void markObsolete() {
        obsolete = true;
        if (refs.isReleased()) {
            deleteFile();
        }
    }

    int refCount() {
        return refs.count();
    }

    @Override
    public String toString() {
        return "SSTableReader{id=" + id + ", " + path + "}";
    }

    /** Data block {@code b}: from the cache, or read, checked and (if {@code useCache}) cached. */
    byte[] dataBlock(BlockIndex index, int b, boolean useCache) throws IOException {
        long offset = index.offset(b);
        if (useCache) {
            byte[] cached = caches.blocks().get(id, offset);
            if (cached != null) {
                return cached;
            }
        }
        byte[] block;
        try {
            block = blockReader.read(index.handle(b), "data block");
            String problem = DataBlockReader.validate(block);
            if (problem != null) {
                throw new CorruptionException(path, offset, problem);
            }
        } catch (CorruptionException e) {
            metrics.corruption();
            throw e;
        }
        metrics.dataBlockRead(index.length(b) + SSTableFormat.BLOCK_TRAILER_SIZE);
        if (useCache) {
            caches.blocks().put(id, offset, block);
        }
        return block;
    }

    private BlockIndex index() throws IOException {
        return caches.indexCache().get(id, this::loadIndex);
    }

    private BlockIndex loadIndex() throws IOException {
        try {
            BlockIndex index = decodeMeta(footer.index(), "index block", b -> BlockIndex.decode(b, footer.bloom().offset()));
            if (index.blockCount() != stats.dataBlockCount()
                    || (index.blockCount() > 0 && !Arrays.equals(index.lastKey(index.blockCount() - 1), maxKey))) {
                throw new CorruptionException(path, footer.index().offset(), "index block disagrees with the statistics block");
            }
            return index;
        } catch (CorruptionException e) {
            metrics.corruption();
            throw e;
        }
    }

    private interface MetaDecoder<T> {
        T decode(byte[] contents);
    }

    private <T> T decodeMeta(BlockHandle handle, String what, MetaDecoder<T> decoder) throws IOException {
        byte[] contents = blockReader.read(handle, what);
        metrics.metaBlockRead(handle.length() + SSTableFormat.BLOCK_TRAILER_SIZE);
        try {
            return decoder.decode(contents);
        } catch (IllegalArgumentException e) {
            throw new CorruptionException(path, handle.offset(), what + " malformed: " + e.getMessage());
        }
    }

    private boolean inKeyRange(byte[] key) {
        return minKey != null && Arrays.compareUnsigned(key, minKey) >= 0 && Arrays.compareUnsigned(key, maxKey) <= 0;
    }

    private void checkNotReleased() {
        if (refs.isReleased()) {
            throw new IllegalStateException("SSTable " + path + " is released");
        }
    }

    private void deleteFile() {
        if (deleted.compareAndSet(false, true)) {
            try {
                fs.delete(path);
                fs.syncDirectory(path.toAbsolutePath().getParent());
            } catch (IOException e) {
                // Not data loss: the engine's startup removes files no manifest entry refers to.
                LOG.warn("Could not delete obsolete SSTable {}", path, e);
            }
        }
    }
}
