package io.stratadb.storage.commitlog;

import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays segments oldest first and decides what each damaged spot is (docs/commitlog-format.md,
 * "Replay"). Damage can be a torn tail only in the newest segment that holds any data: the writer syncs
 * a segment before it writes to the next one. There the segment's layout decides: in V1 the damage is a
 * torn tail if no intact entry follows it; in V2 if no intact section after it says the segment had been
 * synced past it (a power cut may persist unsynced pages out of order, so intact but unsynced sections
 * may follow a torn one). Torn tails are zeroed (not cut off, so a preallocated segment keeps its
 * length) and the next start sees a clean log; anything else is corruption, handled by the policy.
 *
 * <p>One instance serves one replay.
 */
final class CommitLogReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogReplayer.class);
    private static final int UNKNOWN = -2;

    private final FileSystem fs;
    private final CommitLogCorruptionPolicy policy;
    private final MutationCodec codec = new MutationCodec();
    private final List<TornTail> tornTails = new ArrayList<>();
    private final List<SkippedCorruption> skipped = new ArrayList<>();
    private long entries;
    private int lastSegmentWithData = UNKNOWN;

    CommitLogReplayer(FileSystem fs, CommitLogCorruptionPolicy policy) {
        this.fs = fs;
        this.policy = policy;
    }

    /**
     * @param segments sorted by id
     * @throws CorruptionException under STOP, at the first damage that is not a torn tail
     */
    ReplayResult replay(List<SegmentFile> segments, Consumer<Mutation> consumer) throws IOException {
        for (int i = 0; i < segments.size(); i++) {
            replaySegment(segments, i, consumer);
        }
        return new ReplayResult(segments.size(), entries, tornTails, skipped);
    }

    private void replaySegment(List<SegmentFile> segments, int index, Consumer<Mutation> consumer) throws IOException {
        SegmentFile segment = segments.get(index);
        long tornFrom;
        long damageAt;
        String reason;
        try (ReadableFile file = fs.open(segment.path())) {
            SegmentBytes bytes = new WindowedSegmentBytes(file, file.size());
            SegmentHeader.Fields header;
            try {
                header = readHeader(bytes, segment.id());
            } catch (IllegalArgumentException e) {
                corruption(segment, 0, e.getMessage());
                return;
            }
            SegmentScanner scanner = SegmentScanner.of(header.version(), bytes);
            if (!replayEntries(segment, scanner, consumer) || scanner.problem() == null) {
                return;
            }
            damageAt = scanner.problemOffset();
            reason = scanner.problem();
            SegmentScanner.Verdict verdict = null;
            if (index == lastSegmentWithData(segments)) {
                verdict = scanner.judgeDamage();
                reason += "; " + verdict.explanation();
            }
            if (verdict != null && !verdict.provenWritten()) {
                tornFrom = scanner.tornTailStart();
            } else {
                if (policy == CommitLogCorruptionPolicy.SKIP) {
                    scanner.releaseIntactEntriesBeforeProblem();
                    if (!replayEntries(segment, scanner, consumer)) {
                        return;
                    }
                }
                corruption(segment, damageAt, reason);
                return;
            }
        }
        eraseTornTail(segment, tornFrom, damageAt, reason);
    }

    /** Hands every entry the scanner gives to the consumer; false if one did not decode (corruption, handled). */
    private boolean replayEntries(SegmentFile segment, SegmentScanner scanner, Consumer<Mutation> consumer)
            throws IOException {
        for (ByteBuffer payload = scanner.next(); payload != null; payload = scanner.next()) {
            Mutation m;
            try {
                m = codec.decode(payload);
            } catch (IllegalArgumentException e) {
                // Both checksums matched, so these are the bytes the writer wrote: not a torn write.
                corruption(segment, scanner.entryOffset(), "undecodable mutation (" + e.getMessage() + ")");
                return false;
            }
            consumer.accept(m);
            entries++;
        }
        return true;
    }

    private void eraseTornTail(SegmentFile segment, long from, long damageAt, String reason) throws IOException {
        // Made here, not up front: it holds a 1 MiB buffer that most replays never need.
        long zeroed = new TornTailEraser(fs).erase(segment.path(), from);
        String why = damageAt == from ? reason : reason + " (damage at offset " + damageAt + ")";
        tornTails.add(new TornTail(segment.path(), from, zeroed, why));
        LOG.info("Zeroed the unfinished last write in {} at offset {} ({} bytes: {})",
                segment.path(), from, zeroed, why);
    }

    /** The segment's header fields; throws IllegalArgumentException saying what is wrong with it. */
    private static SegmentHeader.Fields readHeader(SegmentBytes bytes, long expectedId) throws IOException {
        if (bytes.length() < SegmentHeader.SIZE) {
            throw new IllegalArgumentException("file of " + bytes.length() + " bytes is shorter than the "
                    + SegmentHeader.SIZE + "-byte segment header");
        }
        SegmentHeader.Fields header = SegmentHeader.decode(bytes.read(0, SegmentHeader.SIZE));
        if (header.id() != expectedId) {
            throw new IllegalArgumentException("segment header says id " + header.id() + " but the file name says "
                    + expectedId);
        }
        return header;
    }

    private void corruption(SegmentFile segment, long offset, String reason) {
        if (policy == CommitLogCorruptionPolicy.STOP) {
            LOG.error("Commit-log replay stopped: {} in {} at offset {}. To start anyway, without the rest of"
                    + " this segment, set the commit-log corruption policy to SKIP.", reason, segment.path(), offset);
            throw new CorruptionException(segment.path(), offset, "commit-log " + reason);
        }
        skipped.add(new SkippedCorruption(segment.path(), offset, reason));
        LOG.warn("Commit log: {} in {} at offset {}; skipping the rest of this segment", reason, segment.path(), offset);
    }

    /** Index of the newest segment with any non-zero byte after its header (-1 if none); computed once. */
    private int lastSegmentWithData(List<SegmentFile> segments) throws IOException {
        if (lastSegmentWithData == UNKNOWN) {
            lastSegmentWithData = -1;
            for (int i = segments.size() - 1; i >= 0; i--) {
                try (ReadableFile file = fs.open(segments.get(i).path())) {
                    SegmentBytes bytes = new WindowedSegmentBytes(file, file.size());
                    if (bytes.length() > SegmentHeader.SIZE && !bytes.allZero(SegmentHeader.SIZE, bytes.length())) {
                        lastSegmentWithData = i;
                        break;
                    }
                }
            }
        }
        return lastSegmentWithData;
    }
}
