package io.stratadb.storage.commitlog;

import java.nio.file.Path;

/**
 * How a segment's id maps to its file name. The id is zero-padded to the width of the largest long
 * so that sorting names sorts segments by id (the file system seam lists files sorted by name).
 */
final class SegmentFileName {

    static final String PREFIX = "commitlog-";
    static final String SUFFIX = ".log";
    /** A segment being prepared; it becomes visible under its real name only once its header is durable. */
    static final String TEMPORARY_SUFFIX = ".log.tmp";
    private static final int ID_DIGITS = 19;

    private SegmentFileName() {
    }

    static String of(long id) {
        requireValidId(id);
        return PREFIX + String.format("%0" + ID_DIGITS + "d", id) + SUFFIX;
    }

    static String temporaryOf(long id) {
        requireValidId(id);
        return PREFIX + String.format("%0" + ID_DIGITS + "d", id) + TEMPORARY_SUFFIX;
    }

    /** The segment id named by {@code file}, or -1 if it is not a segment file name. */
    static long parse(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.length() != PREFIX.length() + ID_DIGITS + SUFFIX.length()) {
            return -1;
        }
        long id = 0;
        for (int i = PREFIX.length(); i < PREFIX.length() + ID_DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (id > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            id = id * 10 + digit;
        }
        return id;
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(TEMPORARY_SUFFIX);
    }

    private static void requireValidId(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("segment ids start at 1, got " + id);
        }
    }
}
