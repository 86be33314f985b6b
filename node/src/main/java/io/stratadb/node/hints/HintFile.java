package io.stratadb.node.hints;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One hint file of a target and how far replay got through it. The progress is kept in memory only: after
 * a restart replay starts the file from its beginning again, which re-sends some hints (harmless, they
 * are idempotent) but never skips one.
 */
final class HintFile {

    static final String SUFFIX = ".hints";
    /** A file with a corrupt part is renamed to this after its good part was replayed, for the operator. */
    static final String CORRUPT_SUFFIX = ".corrupt";

    private final Path path;
    private final long sequence;
    /** Acknowledged hints in the file (for a file found at startup: the readable ones). */
    private final AtomicLong hints = new AtomicLong();
    /** Hints at the start of the file already delivered or dropped; they are not pending any more. */
    private final AtomicLong handled = new AtomicLong();
    /** Where the next replay resumes; 0 means from the first entry. */
    private volatile long resumeOffset;

    HintFile(Path path, long sequence, long hints) {
        this.path = path;
        this.sequence = sequence;
        this.hints.set(hints);
    }

    static String fileName(long sequence) {
        return String.format("%020d%s", sequence, SUFFIX);
    }

    /** The sequence number in a hint file's name, or -1 if the name is not one of ours. */
    static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Path path() {
        return path;
    }

    long sequence() {
        return sequence;
    }

    void addHints(long n) {
        hints.addAndGet(n);
    }

    void markHandled(long resumeAt) {
        handled.incrementAndGet();
        resumeOffset = resumeAt;
    }

    long resumeOffset() {
        return resumeOffset;
    }

    long pending() {
        return Math.max(0, hints.get() - handled.get());
    }
}
