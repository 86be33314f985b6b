package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.engine.StorageEngine;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoragePaxosStateStoreTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final AtomicLong micros = new AtomicLong(1_700_000_000_000_000L);

    private static PaxosState state(long promised) {
        Ballot b = new Ballot(promised, 3);
        return new PaxosState(b, new Proposal(b, Cell.value("v".getBytes(StandardCharsets.UTF_8), promised)), Ballot.NONE, null);
    }

    @Test
    void aSavedStateLoadsBackAndSurvivesAReopen() {
        StorageConfig config = StorageConfig.builder(dir).build();
        try (StorageEngine engine = StorageEngine.open(config, new LocalFileSystem(), Clock.system(), new MetricRegistry())) {
            StoragePaxosStateStore store = new StoragePaxosStateStore(engine, micros::incrementAndGet);
            assertEquals(PaxosState.EMPTY, store.load("ks_t", KEY));
            store.save("ks_t", KEY, state(10));
            assertEquals(state(10), store.load("ks_t", KEY));
            assertEquals(PaxosState.EMPTY, store.load("other", KEY), "rows are per table");
        }
        try (StorageEngine engine = StorageEngine.open(config, new LocalFileSystem(), Clock.system(), new MetricRegistry())) {
            assertEquals(state(10), new StoragePaxosStateStore(engine, micros::incrementAndGet).load("ks_t", KEY));
        }
    }

    @Test
    void aSaveIsOnDiskBeforeItReturnsEvenWithAPeriodicCommitLog() throws Exception {
        StorageConfig config = StorageConfig.builder(dir).syncMode(SyncMode.PERIODIC).periodicSyncInterval(Duration.ofHours(1)).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        StorageEngine engine = StorageEngine.open(config, fs, Clock.system(), new MetricRegistry());
        new StoragePaxosStateStore(engine, micros::incrementAndGet).save("ks_t", KEY, state(10));
        fs.crash();
        try {
            engine.close();
        } catch (RuntimeException expected) {
            // the crashed file system refuses the closing flush
        }
        try (StorageEngine reopened = StorageEngine.open(config, fs.restarted(), Clock.system(), new MetricRegistry())) {
            assertEquals(state(10), new StoragePaxosStateStore(reopened, micros::incrementAndGet).load("ks_t", KEY));
        }
    }

    @Test
    void aClockThatStepsBackCannotResurrectAnOlderState() {
        try (StorageEngine engine = StorageEngine.open(StorageConfig.builder(dir).build(), new LocalFileSystem(),
                Clock.system(), new MetricRegistry())) {
            StoragePaxosStateStore store = new StoragePaxosStateStore(engine, micros::get);
            store.save("ks_t", KEY, state(10));
            micros.addAndGet(-5_000_000);
            store.save("ks_t", KEY, state(20));
            assertEquals(state(20), store.load("ks_t", KEY));
        }
    }
}
