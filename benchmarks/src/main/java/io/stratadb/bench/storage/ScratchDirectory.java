package io.stratadb.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A directory a benchmark owns for one trial or iteration, deleted (with everything in it) on
 * {@link #close}. It is created under the system property {@value #BASE_PROPERTY} if set
 * ({@code bin/strata-jmh} sets it to {@code benchmarks/target/jmh-data}), else under
 * {@code java.io.tmpdir}. Point it at the disk you mean to measure: fsync costs differ wildly
 * between disks, and a tmpfs makes them free.
 */
final class ScratchDirectory implements AutoCloseable {

    static final String BASE_PROPERTY = "strata.bench.dir";

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory create(String prefix) {
        try {
            Path base = Path.of(System.getProperty(BASE_PROPERTY, System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return new ScratchDirectory(Files.createTempDirectory(base, prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a scratch directory", e);
        }
    }

    Path path() {
        return path;
    }

    /** Copies every file under {@code from} into this directory, keeping the relative layout. */
    void copyFrom(Path from) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(path.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, path.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + path, e);
        }
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
