package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sync sections say and how replay uses it: the writer's claims (the first section of a
 * segment says the header end; each later one says how far the last completed fsync reached), and the
 * replay rule on hand-built V2 segments: damage is corruption only if a later intact section says the
 * segment had been synced past it.
 */
class SyncSectionReplayTest {

    @TempDir
    Path dir;

    private StorageConfig config(CommitLogCorruptionPolicy policy) {
        return CommitLogTestSupport.config(dir).corruptionPolicy(policy).build();
    }

    private static List<Mutation> mutations(long seed, int n) {
        RandomMutations random = new RandomMutations(seed, 300);
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(random.next());
        }
        return out;
    }

    @Test
    void inGroupModeEachSectionSaysEverythingBeforeItWasSynced() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 31, 2, 6);

        for (Path segment : CommitLogTestSupport.segments(config.commitLogDirectory()).values()) {
            List<CommitLogTestSupport.Section> sections = CommitLogTestSupport.readSections(segment);
            assertEquals(6, sections.size(), segment.toString());
            assertEquals(SegmentHeader.SIZE, sections.get(0).offset());
            for (CommitLogTestSupport.Section s : sections) {
                assertEquals(s.offset(), s.syncedUpTo(), "one fsync per acknowledged append: " + s);
            }
        }
    }

    /**
     * Several sections between fsyncs: each says how far the last completed fsync reached, no further.
     * The writer's clock stands still until the test moves it, so the periodic fsync comes exactly then.
     */
    @Test
    void inPeriodicModeSectionsWrittenBetweenSyncsShareTheLastSyncedOffset() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).syncMode(SyncMode.PERIODIC)
                .periodicSyncInterval(Duration.ofSeconds(10)).build();
        AtomicLong nanos = new AtomicLong();
        Clock clock = new Clock() {
            @Override
            public long currentTimeMicros() {
                return 0;
            }

            @Override
            public long nanoTime() {
                return nanos.get();
            }
        };
        List<Mutation> written = mutations(32, 5);
        try (CommitLog log = CommitLog.open(config, new LocalFileSystem(), clock, new MetricRegistry(),
                CommitLogTestSupport.threads())) {
            log.replay(m -> { });
            // Not the newest file: the spare prepared after start() has a higher id.
            Path segment = config.commitLogDirectory().resolve(SegmentFileName.of(log.start()));
            for (int i = 0; i < 5; i++) {
                if (i == 3) {
                    // The next write is followed by the first fsync, which covers it and the three before it.
                    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
                }
                log.append(written.get(i));
                int sections = i + 1;
                CommitLogTestSupport.awaitTrue(() -> sectionCount(segment) == sections, "entry " + i + " written");
            }
        }
        Path segment = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        List<CommitLogTestSupport.Section> sections = CommitLogTestSupport.readSections(segment);
        assertEquals(5, sections.size(), "one section per write: " + sections);
        for (int i = 0; i < 4; i++) {
            assertEquals(SegmentHeader.SIZE, sections.get(i).syncedUpTo(), "before the first fsync: " + sections);
        }
        assertEquals(sections.get(3).end(), sections.get(4).syncedUpTo(), "after it: " + sections);
    }

    private static int sectionCount(Path segment) {
        try {
            return CommitLogTestSupport.readSections(segment).size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The shape a power cut leaves: a synced section, a lost one (its pages never reached the disk), then
     * an intact section that was written before the lost one was synced. STOP must start anyway, zeroing
     * everything from the lost section on.
     */
    @Test
    void aLostSectionFollowedByIntactButUnsyncedSectionsIsATornTail() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        List<Mutation> ms = mutations(33, 5);
        SegmentImage image = SegmentImage.v2(1).syncedSection(ms.get(0), ms.get(1));
        int lost = image.position();
        image.syncedSection(ms.get(2));
        int lostEnd = image.position();
        image.section(lost, ms.get(3), ms.get(4));
        Path segment = image.writeTo(config.commitLogDirectory(), 1);
        CommitLogTestSupport.writeAt(segment, lost, new byte[lostEnd - lost]);
        long lastNonZero = CommitLogTestSupport.endOfNonZero(segment);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(ms.subList(0, 2), r.mutations(), "before the lost section");
        TornTail torn = r.result().tornTails().get(0);
        assertEquals(lost, torn.offset());
        assertEquals(lastNonZero - lost, torn.bytesCut(), "the unsynced intact section is zeroed too");
        assertTrue(torn.reason().contains("1 intact section(s) after it were never synced"), torn.reason());
        assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment));
        CommitLogTestSupport.Replayed again = CommitLogTestSupport.replay(config);
        assertTrue(again.result().clean(), again.result().toString());
        assertSameMutations(ms.subList(0, 2), again.mutations(), "second replay");
    }

    /** The same damage, but a later section says it had been synced: that is corruption, even at the tail. */
    @Test
    void damageALaterSectionSaysWasSyncedIsCorruptionNamingFileAndOffset() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        List<Mutation> ms = mutations(34, 4);
        SegmentImage image = SegmentImage.v2(1).syncedSection(ms.get(0));
        int damaged = image.position();
        image.syncedSection(ms.get(1), ms.get(2));
        int proof = image.position();
        image.syncedSection(ms.get(3));
        Path segment = image.writeTo(config.commitLogDirectory(), 1);
        byte[] before = Files.readAllBytes(segment);
        CommitLogTestSupport.writeAt(segment, damaged, new byte[SectionHeader.SIZE]);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(segment, e.file());
        assertEquals(damaged, e.offset());
        assertTrue(e.getMessage().contains("zeroed section header"), e.getMessage());
        assertTrue(e.getMessage().contains("section at offset " + proof), e.getMessage());
        before = Arrays.copyOf(before, before.length);
        Arrays.fill(before, damaged, damaged + SectionHeader.SIZE, (byte) 0);
        assertTrue(Arrays.equals(before, Files.readAllBytes(segment)), "STOP changes nothing on disk");
    }

    /** SKIP keeps what is provably good: the intact entries of the damaged section before the damage. */
    @Test
    void underSkipTheIntactEntriesBeforeTheDamageInItsSectionStillReplay() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.SKIP);
        List<Mutation> ms = mutations(35, 7);
        SegmentImage first = SegmentImage.v2(1).syncedSection(ms.get(0));
        int section = first.position();
        first.syncedSection(ms.get(1), ms.get(2), ms.get(3), ms.get(4));
        first.syncedSection(ms.get(5));
        Path older = first.writeTo(config.commitLogDirectory(), 1);
        SegmentImage.v2(2).syncedSection(ms.get(6)).writeTo(config.commitLogDirectory(), 2);
        long damaged = section + SectionHeader.SIZE + CommitLogTestSupport.frameSize(ms.get(1))
                + CommitLogTestSupport.frameSize(ms.get(2));
        CommitLogTestSupport.flipBit(older, damaged + EntryFraming.HEADER_BYTES + 1, 3);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(List.of(ms.get(0), ms.get(1), ms.get(2), ms.get(6)), r.mutations(), "skip");
        assertEquals(1, r.result().skippedCorruptions().size(), r.result().toString());
        assertEquals(older, r.result().skippedCorruptions().get(0).file());
        assertEquals(damaged, r.result().skippedCorruptions().get(0).offset());
    }
}
