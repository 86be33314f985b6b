package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Shared set-up for commit-log tests: small segments, test threads, replay helpers, seeds. */
final class CommitLogTestSupport {

    /** Small enough that a few hundred mutations span several segments. */
    static final int SEGMENT_SIZE = 128 << 10;
    static final int MAX_VALUE_SIZE = 4096;

    private CommitLogTestSupport() {
    }

    static StorageConfig.Builder config(Path dataDir) {
        return StorageConfig.builder(dataDir).segmentSize(SEGMENT_SIZE).maxValueSize(MAX_VALUE_SIZE);
    }

    static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "commitlog-test-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static CommitLog open(StorageConfig config, FileSystem fs) throws IOException {
        return CommitLog.open(config, fs, Clock.system(), new MetricRegistry(), threads());
    }

    /** Opens and starts a log on an empty (or already replayed) directory. */
    static CommitLog openAndStart(StorageConfig config, FileSystem fs) throws IOException {
        CommitLog log = open(config, fs);
        log.replay(m -> { });
        log.start();
        return log;
    }

    /** What a replay handed out, with its report. */
    record Replayed(List<Mutation> mutations, ReplayResult result) {
    }

    /** Opens the log, replays it and closes it again without starting. */
    static Replayed replay(StorageConfig config, FileSystem fs) throws IOException {
        List<Mutation> out = new ArrayList<>();
        try (CommitLog log = open(config, fs)) {
            ReplayResult r = log.replay(out::add);
            return new Replayed(out, r);
        }
    }

    static Replayed replay(StorageConfig config) throws IOException {
        return replay(config, new LocalFileSystem());
    }

    /** The seed for a randomized test: -Dseed=N if given, else random; printed so a failure can be rerun. */
    static long seed(String test) {
        String given = System.getProperty("seed");
        long seed = given != null ? Long.parseLong(given) : System.nanoTime();
        System.out.println(test + ": seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        return seed;
    }

    static void assertSameMutation(Mutation expected, Mutation actual, String context) {
        assertEquals(expected.table(), actual.table(), context + ": table");
        assertArrayEquals(expected.key(), actual.key(), context + ": key");
        assertEquals(expected.cell(), actual.cell(), context + ": cell");
    }

    static void assertSameMutations(List<Mutation> expected, List<Mutation> actual, String context) {
        assertEquals(expected.size(), actual.size(), context + ": number of mutations");
        for (int i = 0; i < expected.size(); i++) {
            assertSameMutation(expected.get(i), actual.get(i), context + ": mutation #" + i);
        }
    }

    /** Waits (polling, up to 10 s) for a condition another thread will make true. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Segment files in {@code dir}, by id. */
    static Map<Long, Path> segments(Path dir) {
        Map<Long, Path> out = new LinkedHashMap<>();
        try {
            for (Path p : new LocalFileSystem().list(dir)) {
                long id = SegmentFileName.parse(p);
                if (id > 0) {
                    out.put(id, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The segment with the highest id. */
    static Path newestSegment(Path dir) {
        Path newest = null;
        for (Path p : segments(dir).values()) {
            newest = p;
        }
        if (newest == null) {
            fail("no segment in " + dir);
        }
        return newest;
    }

    /** Entries of one segment file, with their offsets; stops at the first problem. */
    record Entry(long offset, Mutation mutation) {
    }

    static List<Entry> readEntries(Path segment) throws IOException {
        return readEntries(Files.readAllBytes(segment));
    }

    /** Entries of a segment's bytes (header included, any version) with their offsets, up to the first problem. */
    static List<Entry> readEntries(byte[] bytes) throws IOException {
        ArraySegmentBytes segment = new ArraySegmentBytes(bytes);
        SegmentHeader.Fields header = SegmentHeader.decode(segment.read(0, SegmentHeader.SIZE));
        SegmentScanner scanner = SegmentScanner.of(header.version(), segment);
        MutationCodec codec = new MutationCodec();
        List<Entry> out = new ArrayList<>();
        for (ByteBuffer p = scanner.next(); p != null; p = scanner.next()) {
            out.add(new Entry(scanner.entryOffset(), codec.decode(p)));
        }
        return out;
    }

    /** One sync section of a V2 segment: where it starts and ends, what it claims, its entries. */
    record Section(long offset, long end, long syncedUpTo, List<Entry> entries) {
    }

    static List<Section> readSections(Path segment) throws IOException {
        return readSections(Files.readAllBytes(segment));
    }

    /** The intact sections of a V2 segment's bytes, in order; stops at the first damaged one. */
    static List<Section> readSections(byte[] bytes) throws IOException {
        List<Entry> entries = readEntries(bytes);
        List<Section> out = new ArrayList<>();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (int at = SegmentHeader.SIZE; at + SectionHeader.SIZE <= bytes.length; ) {
            ByteBuffer header = ByteBuffer.wrap(bytes, at, SectionHeader.SIZE).slice();
            if (SectionHeader.check(header, crc) != null) {
                break;
            }
            long from = at + SectionHeader.SIZE;
            long end = from + SectionHeader.length(header);
            List<Entry> in = entries.stream().filter(e -> e.offset() >= from && e.offset() < end).toList();
            if (in.isEmpty()) {
                break;
            }
            out.add(new Section(at, end, SectionHeader.syncedUpTo(header), in));
            at = (int) end;
        }
        return out;
    }

    /**
     * Whether a segment's bytes hold a fully intact entry anywhere after their first damaged spot: what
     * format V1's rule took as proof of corruption, and what a power cut can leave behind.
     */
    static boolean intactEntryAfterFirstDamage(byte[] bytes) throws IOException {
        ArraySegmentBytes segment = new ArraySegmentBytes(bytes);
        SegmentHeader.Fields header = SegmentHeader.decode(segment.read(0, SegmentHeader.SIZE));
        SegmentScanner scanner = SegmentScanner.of(header.version(), segment);
        while (scanner.next() != null) {
            // Only the first damaged spot matters.
        }
        if (scanner.problem() == null) {
            return false;
        }
        EntryChecker checker = new EntryChecker(segment);
        ByteBuffer all = ByteBuffer.wrap(bytes);
        for (long at = scanner.problemOffset() + 1; at + EntryFraming.OVERHEAD < bytes.length; at++) {
            if (checker.plausibleLength(all.getInt((int) at), all.getInt((int) at + 4))
                    && checker.check(at, bytes.length, "segment end") == null) {
                return true;
            }
        }
        return false;
    }

    /** Offset just past the last readable entry of {@code segment}: where the zeros of a preallocated one start. */
    static long endOfData(Path segment) throws IOException {
        List<Entry> entries = readEntries(segment);
        if (entries.isEmpty()) {
            return SegmentHeader.SIZE;
        }
        Entry last = entries.get(entries.size() - 1);
        return last.offset() + frameSize(last.mutation());
    }

    /** Bytes {@code m} occupies in a segment, framing included. */
    static int frameSize(Mutation m) {
        return EntryFraming.frameSize(MutationCodec.encodedSize(m, MutationCodec.utf8Length(m.table())));
    }

    /**
     * Writes {@code segments} segments of {@code perSegment} random mutations each (rolling between
     * them), closes the log, and returns the mutations per segment. Each append is waited for before the
     * next (GROUP mode), so each entry is a sync section of its own that says everything before it was
     * synced: damage to any entry but the last of the newest segment is then provably corruption.
     */
    static List<List<Mutation>> writeSegments(StorageConfig config, long seed, int segments, int perSegment)
            throws IOException {
        RandomMutations random = new RandomMutations(seed, 200);
        List<List<Mutation>> out = new ArrayList<>();
        try (CommitLog log = openAndStart(config, new LocalFileSystem())) {
            for (int s = 0; s < segments; s++) {
                if (s > 0) {
                    log.rollSegment().join();
                }
                List<Mutation> written = new ArrayList<>();
                for (int i = 0; i < perSegment; i++) {
                    Mutation m = random.next();
                    written.add(m);
                    log.append(m).join();
                }
                out.add(written);
            }
        }
        return out;
    }

    /** Appends raw bytes to a file. */
    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Overwrites bytes of a file in place from {@code offset} (extending it if they run past its end). */
    static void writeAt(Path file, long offset, byte[] bytes) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            for (long at = offset; b.hasRemaining(); ) {
                at += ch.write(b, at);
            }
        }
    }

    /** Offset just past the last non-zero byte of a file (0 if it is all zero). */
    static long endOfNonZero(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        return end;
    }

    /** Cuts a file to {@code size} bytes. */
    static void cut(Path file, long size) throws IOException {
        new LocalFileSystem().truncate(file, size);
    }

    /** Flips one bit of a file in place. */
    static void flipBit(Path file, long offset, int bit) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[(int) offset] ^= (byte) (1 << bit);
        Files.write(file, b);
    }

    /** Segment bytes held in an array. */
    static final class ArraySegmentBytes implements SegmentBytes {
        private final byte[] bytes;

        ArraySegmentBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public ByteBuffer read(long position, int length) {
            return ByteBuffer.wrap(bytes, (int) position, length).slice();
        }
    }
}
