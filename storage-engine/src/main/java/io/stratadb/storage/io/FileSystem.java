package io.stratadb.storage.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file operation of the storage engine goes through this seam (LevelDB's {@code Env}), so a
 * test can substitute a file system that loses unsynced writes or injects I/O errors.
 *
 * <p>Durability contract, as on a POSIX file system: data written to a {@link WritableFile} survives a
 * crash only after {@link WritableFile#sync()}; a create, rename or delete survives only after
 * {@link #syncDirectory} on the parent directory.
 */
public interface FileSystem {

    /** Creates (or truncates) a file for appending. */
    WritableFile create(Path path) throws IOException;

    /** Opens an existing file for appending at its end (used to resume a commit-log segment). */
    WritableFile append(Path path) throws IOException;

    /**
     * Opens an existing file to overwrite it in place from {@code position} on, without truncating it
     * (used to fill a preallocated commit-log segment). Writes go one after another from
     * {@code position}; the returned file's {@link WritableFile#size()} is the offset just past the
     * last byte written through it (initially {@code position}), not the file's length, which only
     * changes if a write runs past the end. {@link WritableFile#sync()} makes the overwritten bytes
     * durable; when no write ran past the end, it does so without a file-length (metadata) update,
     * which is the point.
     *
     * @param position where the first write goes; {@code 0 <= position <= } the file's length, so a
     *     write never leaves a hole
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws IllegalArgumentException if {@code position} is outside the file
     */
    WritableFile openForOverwrite(Path path, long position) throws IOException;

    /** Opens an existing file for positional reads. */
    ReadableFile open(Path path) throws IOException;

    /** Atomically renames {@code from} to {@code to}, replacing {@code to} if it exists. */
    void rename(Path from, Path to) throws IOException;

    /** Deletes a file if it exists. */
    void delete(Path path) throws IOException;

    /** Cuts a file to {@code size} bytes and syncs it. */
    void truncate(Path path, long size) throws IOException;

    boolean exists(Path path);

    long size(Path path) throws IOException;

    /** The regular files directly inside {@code dir}, sorted by name; empty if it does not exist. */
    List<Path> list(Path dir) throws IOException;

    /** The directories directly inside {@code dir}, sorted by name; empty if it does not exist. */
    List<Path> listDirectories(Path dir) throws IOException;

    void createDirectories(Path dir) throws IOException;

    /** Makes creates, renames and deletes of entries in {@code dir} durable. */
    void syncDirectory(Path dir) throws IOException;
}
