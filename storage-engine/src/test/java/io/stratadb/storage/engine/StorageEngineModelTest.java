package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.ManualClock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random puts, deletes, TTL writes, clock moves, flushes, compactions and reopenings, checked after
 * every step against a plain in-memory model. A failure prints the seed; rerun it with
 * {@code -Dseed=N} (and {@code -Dsteps=N} for longer runs).
 */
class StorageEngineModelTest {

    private static final String[] TABLES = {"alpha", "beta"};
    private static final int GC_GRACE = 60;

    @TempDir
    Path dir;

    @Test
    void sizeTieredMatchesModel() {
        run(CompactionStrategyKind.SIZE_TIERED);
    }

    @Test
    void leveledMatchesModel() {
        run(CompactionStrategyKind.LEVELED);
    }

    private void run(CompactionStrategyKind strategy) {
        long seed = Long.getLong("seed", System.nanoTime());
        int steps = Integer.getInteger("steps", 2500);
        System.out.println(getClass().getSimpleName() + " " + strategy + " seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        try {
            new Run(seed, strategy).go(steps);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("failed with seed " + seed + " (" + strategy + "): " + e.getMessage(), e);
        }
    }

    private final class Run {
        final Random random;
        final ManualClock clock = ManualClock.atDefaultStart();
        final Map<String, TreeMap<byte[], Cell>> model = new TreeMap<>();
        final StorageConfig config;
        StorageEngine engine;
        int step;

        Run(long seed, CompactionStrategyKind strategy) {
            this.random = new Random(seed);
            this.config = StorageConfig.builder(dir)
                    .syncMode(random.nextBoolean() ? SyncMode.GROUP : SyncMode.PERIODIC)
                    .memtableFlushThreshold(16 << 10)
                    .blockSize(512 + random.nextInt(4096))
                    .compression(random.nextBoolean())
                    .segmentSize(2 << 20)
                    .maxValueSize(64 << 10)
                    .compactionStrategy(strategy)
                    .leveledSSTableSize(8 << 10)
                    .sizeTieredMinSSTableSize(1 << 10)
                    .compactionThroughputMiBPerSec(0)
                    .gcGraceSeconds(GC_GRACE)
                    .build();
            for (String t : TABLES) {
                model.put(t, new TreeMap<>(Arrays::compareUnsigned));
            }
        }

        void go(int steps) {
            engine = open();
            try {
                for (step = 0; step < steps; step++) {
                    int op = random.nextInt(1000);
                    String table = TABLES[random.nextInt(TABLES.length)];
                    if (op < 450) {
                        write(table, Cell.value(randomValue(), timestamp()));
                    } else if (op < 560) {
                        write(table, Cell.tombstone(timestamp(), (int) clock.currentTimeSeconds()));
                    } else if (op < 640) {
                        int ttl = 1 + random.nextInt(40);
                        write(table, Cell.expiring(randomValue(), timestamp(), (int) (clock.currentTimeSeconds() + ttl)));
                    } else if (op < 700) {
                        clock.advanceSeconds(random.nextInt(30));
                    } else if (op < 720) {
                        engine.flush();
                    } else if (op < 735) {
                        engine.compact();
                    } else if (op < 742) {
                        engine.majorCompact(table);
                    } else if (op < 750) {
                        engine.close();
                        engine = open();
                    } else if (op < 950) {
                        checkGet(table, key(random.nextInt(300)));
                    } else {
                        checkScan(table);
                    }
                }
                for (String t : TABLES) {
                    for (int k = 0; k < 300; k++) {
                        checkGet(t, key(k));
                    }
                }
                engine.close();
                engine = open();
                for (String t : TABLES) {
                    for (int k = 0; k < 300; k++) {
                        checkGet(t, key(k));
                    }
                }
            } finally {
                engine.close();
            }
        }

        StorageEngine open() {
            return StorageEngine.open(config, new LocalFileSystem(), clock, new MetricRegistry());
        }

        /**
         * Mostly the current time, sometimes a little in the past or an exact repeat, so ties and
         * out-of-order arrivals are exercised; never so far back that a write could land behind a
         * tombstone old enough to have been purged (that would be a legitimate resurrection).
         */
        long timestamp() {
            long now = clock.currentTimeMicros();
            int r = random.nextInt(10);
            if (r == 0) {
                return now - random.nextInt(5_000_000);
            }
            if (r == 1) {
                return now - now % 1_000_000; // many writes share this exact timestamp
            }
            clock.advanceMicros(1 + random.nextInt(50));
            return clock.currentTimeMicros();
        }

        byte[] randomValue() {
            int len = random.nextInt(10) == 0 ? random.nextInt(4000) : random.nextInt(60);
            byte[] v = new byte[len];
            random.nextBytes(v);
            return v;
        }

        byte[] key(int k) {
            return String.format("key%05d", k).getBytes(StandardCharsets.UTF_8);
        }

        void write(String table, Cell cell) {
            byte[] key = key(random.nextInt(300));
            engine.apply(new io.stratadb.storage.Mutation(table, key, cell));
            model.get(table).merge(key, cell, Cell::reconcile);
        }

        byte[] modelLive(String table, byte[] key) {
            Cell c = model.get(table).get(key);
            return c != null && c.isLive(clock.currentTimeSeconds()) ? c.value() : null;
        }

        void checkGet(String table, byte[] key) {
            byte[] expected = modelLive(table, key);
            byte[] actual = engine.get(table, key);
            if (!Arrays.equals(expected, actual)) {
                fail("step " + step + ": get " + table + "/" + new String(key, StandardCharsets.UTF_8)
                        + " expected " + describe(expected) + " (model cell " + model.get(table).get(key)
                        + ") but engine has " + describe(actual) + " (engine cell " + engine.getCell(table, key) + ")");
            }
            CachedRead cached = engine.getCellIfCached(table, key);
            if (cached.isComplete()) {
                // Whatever the memory-only read answers must be exactly what a full read answers.
                assertEquals(engine.getCell(table, key), cached.cell(),
                        "memory-only read at step " + step);
            }
            if (expected != null) {
                Cell c = engine.getCell(table, key);
                assertNotNull(c);
                assertEquals(model.get(table).get(key).timestamp(), c.timestamp(), "timestamp at step " + step);
            }
        }

        void checkScan(String table) {
            byte[] start = random.nextBoolean() ? null : key(random.nextInt(300));
            int limit = 1 + random.nextInt(40);
            long now = clock.currentTimeSeconds();
            List<Map.Entry<byte[], Cell>> expected = new ArrayList<>();
            var tail = start == null ? model.get(table) : model.get(table).tailMap(start, false);
            boolean more = false;
            for (Map.Entry<byte[], Cell> e : tail.entrySet()) {
                if (!e.getValue().isLive(now)) {
                    continue;
                }
                if (expected.size() == limit) {
                    more = true;
                    break;
                }
                expected.add(e);
            }
            ScanResult page = engine.scan(table, start, limit);
            assertEquals(expected.size(), page.entries().size(), "scan size at step " + step);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).getKey(), page.entries().get(i).key(), "scan key at step " + step);
                assertArrayEquals(expected.get(i).getValue().value(), page.entries().get(i).cell().value(),
                        "scan value at step " + step);
            }
            assertEquals(more, page.hasMore(), "scan has-more at step " + step);
        }

        String describe(byte[] v) {
            return v == null ? "absent" : v.length + " bytes";
        }
    }
}
