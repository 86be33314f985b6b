package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one SSTable from entries appended in key order. The file is built under a temporary name
 * and renamed into place only once complete and synced, so a crash or an abort never leaves a
 * half-written file under the final name. Not thread-safe.
 *
 * <p>Typical use: {@code try (SSTableWriter w = SSTableWriter.create(...)) { ...append...; w.finish(); }}
 * — the {@code close()} after a successful {@code finish()} does nothing, and after a failure or an
 * early exit it removes the partial file.
 */
public final class SSTableWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SSTableWriter.class);

    private enum State { OPEN, FINISHED, FAILED, CLOSED }

    private final FileSystem fs;
    private final Path finalPath;
    private final Path tmpPath;
    private final WritableFile file;
    private final BlockWriter blocks;
    private final DataBlockBuilder dataBlock;
    private final IndexBlockBuilder index = new IndexBlockBuilder();
    private final BloomFilter bloom;
    private final StatsCollector stats = new StatsCollector();
    private final SSTableFormatVersion version = SSTableFormatVersion.current();
    private byte[] lastKey;
    private long keyCount;
    private State state = State.OPEN;
    private boolean fileClosed;
    private boolean renamed;

    private SSTableWriter(FileSystem fs, Path finalPath, Path tmpPath, WritableFile file, SSTableOptions options,
                          long expectedKeys) {
        this.fs = fs;
        this.finalPath = finalPath;
        this.tmpPath = tmpPath;
        this.file = file;
        this.blocks = new BlockWriter(file, options.compression() ? LZ4Factory.fastestInstance().fastCompressor() : null);
        this.dataBlock = new DataBlockBuilder(options.blockSize());
        this.bloom = BloomFilter.forExpectedKeys(expectedKeys, options.bloomFalsePositiveChance());
    }

    /**
     * Starts a table that will appear at {@code finalPath} once {@link #finish} succeeds; until then the
     * bytes go to {@code finalPath + ".tmp"}.
     *
     * @param expectedKeys sizes the bloom filter; many more keys than this raise its false-positive rate
     */
    public static SSTableWriter create(FileSystem fs, Path finalPath, SSTableOptions options, long expectedKeys)
            throws IOException {
        Objects.requireNonNull(options, "options");
        Path tmp = finalPath.resolveSibling(finalPath.getFileName() + ".tmp");
        WritableFile file = fs.create(tmp);
        try {
            return new SSTableWriter(fs, finalPath, tmp, file, options, expectedKeys);
        } catch (RuntimeException e) {
            file.close();
            fs.delete(tmp);
            throw e;
        }
    }

    /**
     * Adds an entry. Keys must strictly ascend in unsigned lexicographic order.
     *
     * @throws IllegalArgumentException if {@code key} is not greater than the previous key (nothing is
     *     written and the writer stays usable)
     */
    public void append(byte[] key, Cell cell) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cell, "cell");
        checkOpen();
        if (lastKey != null && Arrays.compareUnsigned(lastKey, key) >= 0) {
            throw new IllegalArgumentException("keys must strictly ascend: " + hex(key) + " after " + hex(lastKey)
                    + " in " + finalPath);
        }
        byte[] copy = key.clone();
        try {
            dataBlock.add(copy, cell);
            bloom.add(copy);
            stats.add(copy, cell);
            lastKey = copy;
            keyCount++;
            if (dataBlock.isFull()) {
                flushDataBlock();
            }
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Bytes written to the file so far; the block being filled is not counted until it is written. */
    public long bytesWritten() {
        return blocks.position();
    }

    public long keyCount() {
        return keyCount;
    }

    /**
     * Writes the bloom filter, index, statistics and footer, syncs the file, renames it to its final
     * name and syncs the directory, so the table is durable once this returns.
     */
    public SSTableStats finish() throws IOException {
        checkOpen();
        try {
            if (!dataBlock.isEmpty()) {
                flushDataBlock();
            }
            byte[] bloomBlock = bloom.encode();
            // Bloom bits are random by design and would not compress; do not spend the CPU trying.
            BlockHandle bloomHandle = blocks.write(bloomBlock, bloomBlock.length, false);
            byte[] indexBlock = index.encode();
            BlockHandle indexHandle = blocks.write(indexBlock, indexBlock.length, true);
            byte[] statsBlock = StatsBlock.encode(stats.toStats(version, 0));
            BlockHandle statsHandle = blocks.write(statsBlock, statsBlock.length, false);
            blocks.writeFooter(new Footer(bloomHandle, indexHandle, statsHandle, blocks.fileDigest(), version).encode());
            file.sync();
            fileClosed = true;
            file.close();
            fs.rename(tmpPath, finalPath);
            renamed = true;
            fs.syncDirectory(finalPath.toAbsolutePath().getParent());
            state = State.FINISHED;
            return stats.toStats(version, blocks.position());
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Does nothing after a successful {@link #finish}; otherwise aborts: closes and deletes the
     * temporary file (and the final one, if a failed finish got as far as the rename).
     */
    @Override
    public void close() {
        if (state == State.FINISHED || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        try {
            if (!fileClosed) {
                fileClosed = true;
                file.close();
            }
            fs.delete(tmpPath);
            if (renamed) {
                fs.delete(finalPath);
            }
        } catch (IOException e) {
            // Called on error paths: throwing would hide the original failure. The engine removes
            // stray .tmp files when it starts.
            LOG.warn("Could not remove the partial SSTable {}", tmpPath, e);
        }
    }

    private void flushDataBlock() throws IOException {
        ByteArrayBuilder block = dataBlock.finish();
        BlockHandle handle = blocks.write(block.array(), block.size(), true);
        index.add(lastKey, handle);
        stats.addDataBlock(block.size());
        dataBlock.reset();
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("SSTable writer for " + finalPath + " is " + state);
        }
    }

    private static String hex(byte[] key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(key.length, 32); i++) {
            sb.append(Character.forDigit((key[i] >> 4) & 0xF, 16)).append(Character.forDigit(key[i] & 0xF, 16));
        }
        return key.length > 32 ? sb + "..." : sb.toString();
    }
}
