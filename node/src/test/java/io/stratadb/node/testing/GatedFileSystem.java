package io.stratadb.node.testing;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import io.stratadb.storage.io.ReadableFile;
import io.stratadb.storage.io.WritableFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real file system, except that while the gate is shut, fsyncs of commit-log files wait for it to
 * open: writes then stay in flight for as long as a test needs (in-flight bounds, graceful shutdown)
 * without sleeps or timing luck.
 */
public final class GatedFileSystem implements FileSystem {

    private final FileSystem delegate = new LocalFileSystem();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();

    public void shut() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** Fsyncs currently held at the gate. */
    public int waiting() {
        return waiting.get();
    }

    private void pass(Path path) throws IOException {
        if (!path.toString().contains("commitlog")) {
            return;
        }
        CountDownLatch g = gate;
        waiting.incrementAndGet();
        try {
            if (!g.await(60, TimeUnit.SECONDS)) {
                throw new IOException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted at the test gate", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    @Override
    public WritableFile create(Path path) throws IOException {
        return gated(path, delegate.create(path));
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        return gated(path, delegate.append(path));
    }

    private WritableFile gated(Path path, WritableFile f) {
        return new WritableFile() {
            @Override
            public void write(ByteBuffer src) throws IOException {
                f.write(src);
            }

            @Override
            public long size() throws IOException {
                return f.size();
            }

            @Override
            public void sync() throws IOException {
                pass(path);
                f.sync();
            }

            @Override
            public void close() throws IOException {
                f.close();
            }
        };
    }

    @Override
    public ReadableFile open(Path path) throws IOException {
        return delegate.open(path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        delegate.rename(from, to);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public void truncate(Path path, long size) throws IOException {
        delegate.truncate(path, size);
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public long size(Path path) throws IOException {
        return delegate.size(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        delegate.createDirectories(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        delegate.syncDirectory(dir);
    }
}
