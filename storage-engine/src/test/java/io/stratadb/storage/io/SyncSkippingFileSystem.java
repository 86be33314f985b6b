package io.stratadb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link FileSystem} over another whose file and directory syncs do nothing. Meant to sit under a
 * {@link FaultInjectingFileSystem}, which decides what a simulated crash keeps by itself: a real fsync
 * then only costs time (about a millisecond each on the build machines), and a randomized crash test
 * that runs hundreds of iterations would spend nearly all of it waiting for the disk.
 */
public final class SyncSkippingFileSystem implements FileSystem {

    private final FileSystem delegate;

    public SyncSkippingFileSystem(FileSystem delegate) {
        this.delegate = delegate;
    }

    /** Over the real local file system. */
    public SyncSkippingFileSystem() {
        this(new LocalFileSystem());
    }

    @Override
    public WritableFile create(Path path) throws IOException {
        return new Unsynced(delegate.create(path));
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        return new Unsynced(delegate.append(path));
    }

    @Override
    public WritableFile openForOverwrite(Path path, long position) throws IOException {
        return new Unsynced(delegate.openForOverwrite(path, position));
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
    public List<Path> listDirectories(Path dir) throws IOException {
        return delegate.listDirectories(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        delegate.createDirectories(dir);
    }

    @Override
    public void syncDirectory(Path dir) {
    }

    private static final class Unsynced implements WritableFile {
        private final WritableFile file;

        Unsynced(WritableFile file) {
            this.file = file;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            file.write(src);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void sync() {
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
