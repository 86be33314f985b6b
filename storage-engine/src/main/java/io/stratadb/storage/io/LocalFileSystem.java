package io.stratadb.storage.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** The real file system, through {@link FileChannel}. */
public final class LocalFileSystem implements FileSystem {

    @Override
    public WritableFile create(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new ChannelWritableFile(ch, 0);
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE);
        long size = ch.size();
        ch.position(size);
        return new ChannelWritableFile(ch, size);
    }

    @Override
    public WritableFile openForOverwrite(Path path, long position) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (position < 0 || position > size) {
                throw new IllegalArgumentException("overwrite position " + position + " outside " + path
                        + " of " + size + " bytes");
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new ChannelWritableFile(ch, position);
    }

    @Override
    public ReadableFile open(Path path) throws IOException {
        return new ChannelReadableFile(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void truncate(Path path, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public long size(Path path) throws IOException {
        return Files.size(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return listMatching(dir, Files::isRegularFile);
    }

    @Override
    public List<Path> listDirectories(Path dir) throws IOException {
        return listMatching(dir, Files::isDirectory);
    }

    private static List<Path> listMatching(Path dir, Predicate<Path> kind) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (kind.test(p)) {
                    found.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return Collections.emptyList();
        }
        Collections.sort(found);
        return found;
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        // Opening a directory for READ and calling force() is how the JDK exposes fsync(dirfd) on Linux.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Positional writes (pwrite) from a tracked offset, so appending and overwriting are the same code. */
    private static final class ChannelWritableFile implements WritableFile {
        private final FileChannel channel;
        private long position;

        ChannelWritableFile(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            while (src.hasRemaining()) {
                position += channel.write(src, position);
            }
        }

        @Override
        public long size() {
            return position;
        }

        @Override
        public void sync() throws IOException {
            // fdatasync: data, plus metadata only when needed to read it back (a new length), never
            // timestamps; an overwrite in place therefore costs no journal commit.
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class ChannelReadableFile implements ReadableFile {
        private final FileChannel channel;

        ChannelReadableFile(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void readFully(ByteBuffer dst, long position) throws IOException {
            long pos = position;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    throw new EOFException("end of file at " + pos + " with " + dst.remaining() + " bytes still wanted");
                }
                pos += n;
            }
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
