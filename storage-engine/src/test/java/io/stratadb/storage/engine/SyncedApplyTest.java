package io.stratadb.storage.engine;

import static io.stratadb.storage.engine.EngineTestSupport.bytes;
import static io.stratadb.storage.engine.EngineTestSupport.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StorageEngine#applySynced} is on disk when it returns even in PERIODIC mode; plain apply is not. */
class SyncedApplyTest {

    @TempDir
    Path dir;

    private StorageConfig periodicHourly() {
        return StorageConfig.builder(dir).syncMode(SyncMode.PERIODIC).periodicSyncInterval(Duration.ofHours(1)).build();
    }

    @Test
    void aSyncedApplySurvivesACrashInPeriodicMode() throws Exception {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        StorageEngine engine = StorageEngine.open(periodicHourly(), fs, Clock.system(), new MetricRegistry());
        engine.applySynced(new Mutation("t", bytes("k"), Cell.value(bytes("v"), 1)));
        crash(engine, fs);

        try (StorageEngine reopened = StorageEngine.open(periodicHourly(), fs.restarted(), Clock.system(), new MetricRegistry())) {
            assertEquals("v", string(reopened.get("t", bytes("k"))));
        }
    }

    @Test
    void aPlainApplyInPeriodicModeIsLostByACrashBeforeTheInterval() throws Exception {
        // The control: without it the test above would pass even if applySynced synced nothing.
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        StorageEngine engine = StorageEngine.open(periodicHourly(), fs, Clock.system(), new MetricRegistry());
        engine.apply(new Mutation("t", bytes("k"), Cell.value(bytes("v"), 1)));
        crash(engine, fs);

        try (StorageEngine reopened = StorageEngine.open(periodicHourly(), fs.restarted(), Clock.system(), new MetricRegistry())) {
            assertNull(reopened.get("t", bytes("k")));
        }
    }

    @Test
    void aSyncedApplyAlsoSyncsThePlainWritesQueuedBeforeIt() throws Exception {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        StorageEngine engine = StorageEngine.open(periodicHourly(), fs, Clock.system(), new MetricRegistry());
        engine.apply(new Mutation("t", bytes("a"), Cell.value(bytes("1"), 1)));
        engine.applySynced(new Mutation("t", bytes("b"), Cell.value(bytes("2"), 1)));
        crash(engine, fs);

        try (StorageEngine reopened = StorageEngine.open(periodicHourly(), fs.restarted(), Clock.system(), new MetricRegistry())) {
            assertEquals("1", string(reopened.get("t", bytes("a"))));
            assertEquals("2", string(reopened.get("t", bytes("b"))));
        }
    }

    private static void crash(StorageEngine engine, FaultInjectingFileSystem fs) throws java.io.IOException {
        fs.crash();
        try {
            engine.close(); // releases threads; the crashed file system refuses the flush
        } catch (RuntimeException expected) {
            // nothing more can reach the disk after the crash anyway
        }
    }
}
