package io.stratadb.storage.sstable;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import io.stratadb.storage.io.ReadableFile;
import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/** The local file system with switchable failures, to check that writers clean up after errors. */
final class FaultyFileSystem implements FileSystem {

    private final FileSystem delegate = new LocalFileSystem();
    /** Writes fail once this many bytes have been written to one file; negative: never. */
    long failWritesAfterBytes = -1;
    boolean failSync;
    boolean failRename;
    boolean failDirectorySync;

    @Override
    public WritableFile create(Path path) throws IOException {
        WritableFile file = delegate.create(path);
        return new WritableFile() {
            @Override
            public void write(ByteBuffer src) throws IOException {
                if (failWritesAfterBytes >= 0 && file.size() + src.remaining() > failWritesAfterBytes) {
                    throw new IOException("injected write failure");
                }
                file.write(src);
            }

            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public void sync() throws IOException {
                if (failSync) {
                    throw new IOException("injected sync failure");
                }
                file.sync();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public WritableFile openForOverwrite(Path path, long position) throws IOException {
        return delegate.openForOverwrite(path, position);
    }

    @Override
    public ReadableFile open(Path path) throws IOException {
        return delegate.open(path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        if (failRename) {
            throw new IOException("injected rename failure");
        }
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
    public void syncDirectory(Path dir) throws IOException {
        if (failDirectorySync) {
            throw new IOException("injected directory sync failure");
        }
        delegate.syncDirectory(dir);
    }
}
