package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.commitlog.CommitLog;
import io.stratadb.storage.commitlog.ReplayResult;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.manifest.Manifest;
import io.stratadb.storage.manifest.ManifestFile;
import io.stratadb.storage.manifest.SSTableEntry;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.sstable.SSTableCaches;
import io.stratadb.storage.sstable.SSTableMetrics;
import io.stratadb.storage.sstable.SSTableOptions;
import io.stratadb.storage.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/**
 * Start-up, in the order that keeps it crash-safe: manifest, orphan clean-up, open live SSTables
 * (quarantining corrupt ones), replay the commit log into a memtable, start the log, flush what was
 * replayed, and only then retire the replayed segments.
 */
final class EngineOpener {

    private static final Logger log = LoggerFactory.getLogger(EngineOpener.class);

    private final StorageConfig config;
    private final FileSystem fs;
    private final Clock clock;
    private final MetricRegistry registry;
    private final ThreadFactory threads;

    EngineOpener(StorageConfig config, FileSystem fs, Clock clock, MetricRegistry registry, ThreadFactory threads) {
        this.config = config;
        this.fs = fs;
        this.clock = clock;
        this.registry = registry;
        this.threads = threads;
    }

    StorageEngine open() {
        log.info("Opening storage engine: {}", config);
        CommitLog commitLog = null;
        try {
            fs.createDirectories(config.dataDirectory());
            ManifestFile manifestFile = new ManifestFile(fs, config.dataDirectory());
            Manifest manifest = manifestFile.read();
            if (manifest == null) {
                manifest = Manifest.empty();
                manifestFile.write(manifest);
            }
            EngineMetrics metrics = new EngineMetrics(registry);
            SSTableCaches caches = new SSTableCaches(config.blockCacheBytes(), config.indexCacheBytes(), registry);
            SSTableMetrics sstableMetrics = new SSTableMetrics(registry);

            Map<String, List<SSTableReader>> live = new HashMap<>();
            List<SSTableEntry> corrupt = new ArrayList<>();
            Map<String, List<SSTableEntry>> corruptByTable = new HashMap<>();
            for (Map.Entry<String, List<SSTableEntry>> t : manifest.all().entrySet()) {
                Path dir = config.dataDirectory().resolve(t.getKey());
                deleteOrphans(dir, t.getValue());
                List<SSTableReader> readers = new ArrayList<>();
                for (SSTableEntry e : t.getValue()) {
                    Path path = dir.resolve(SSTableTracker.fileName(e.generation()));
                    try {
                        readers.add(SSTableReader.open(fs, path, e.generation(), caches, sstableMetrics));
                    } catch (CorruptionException ce) {
                        log.error("SSTable {} is corrupt and is taken out of service: {}", path, ce.getMessage());
                        fs.rename(path, path.resolveSibling(path.getFileName() + ".corrupt"));
                        metrics.quarantined.inc();
                        corrupt.add(e);
                        corruptByTable.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(e);
                    }
                }
                live.put(t.getKey(), readers);
            }
            for (Path tableDir : fs.listDirectories(config.dataDirectory())) {
                String name = tableDir.getFileName().toString();
                if (!tableDir.equals(config.commitLogDirectory()) && StorageEngine.isValidTableName(name)
                        && !manifest.tables().contains(name)) {
                    deleteOrphans(tableDir, List.of()); // a dropped table whose files outlived a crash
                }
            }
            for (Map.Entry<String, List<SSTableEntry>> c : corruptByTable.entrySet()) {
                manifest = manifest.withChange(c.getKey(), c.getValue(), List.of());
            }
            if (!corrupt.isEmpty()) {
                manifestFile.write(manifest);
            }

            MemtableGeneration replayed = new MemtableGeneration(0);
            EngineView view = new EngineView(replayed, List.of(), live);
            SSTableTracker tracker = new SSTableTracker(fs, config.dataDirectory(), manifestFile, manifest, view,
                    metrics.quarantined);
            commitLog = CommitLog.open(config, fs, clock, registry, threads);
            ReplayResult replay = commitLog.replay(m -> replayed.put(m.table(), m.key(), m.cell()));
            long firstNewSegment = commitLog.start();

            GenerationSwitch generations = new GenerationSwitch(tracker, commitLog);
            SSTableFiles files = new SSTableFiles(fs, tracker, SSTableOptions.from(config), caches, sstableMetrics);
            Compactions compactions = new Compactions(config, clock, tracker, files, metrics, threads);
            Flusher flusher = new Flusher(tracker, commitLog, files, metrics, generations::switchTo, threads, 1,
                    compactions::maybeSchedule);
            flusher.setLastReplay(replay);
            metrics.bindView(tracker::view, compactions::pending);
            StorageEngine engine = new StorageEngine(config, clock, commitLog, tracker, generations, flusher,
                    compactions, metrics);
            if (replayed.isEmpty()) {
                commitLog.discardSegmentsBefore(firstNewSegment);
            } else {
                log.info("Replayed {}; flushing it", replay);
                flusher.flushAndWait();
            }
            compactions.maybeSchedule();
            return engine;
        } catch (IOException e) {
            if (commitLog != null) {
                commitLog.close();
            }
            throw new StorageException("could not open storage in " + config.dataDirectory() + ": " + e, e);
        } catch (RuntimeException e) {
            if (commitLog != null) {
                commitLog.close();
            }
            throw e;
        }
    }

    /** Files in a table directory that the manifest does not list are leftovers of a crash. */
    private void deleteOrphans(Path dir, List<SSTableEntry> liveEntries) throws IOException {
        Set<String> liveNames = new HashSet<>();
        for (SSTableEntry e : liveEntries) {
            liveNames.add(SSTableTracker.fileName(e.generation()));
        }
        for (Path p : fs.list(dir)) {
            String name = p.getFileName().toString();
            if (!liveNames.contains(name) && (name.endsWith(".sst") || name.endsWith(".tmp"))) {
                log.info("Deleting orphaned {}", p);
                fs.delete(p);
            }
        }
    }
}
