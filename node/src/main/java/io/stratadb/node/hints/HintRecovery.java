package io.stratadb.node.hints;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the store does with hint files it did not just write: the check of every file at open (a torn
 * tail is cut, a file cut inside its header deleted, a file with a bad header set aside) and setting a
 * corrupt file aside. The rules are in {@code docs/hints.md}, "Corruption and crashes".
 */
final class HintRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(HintRecovery.class);

    private final FileSystem fs;
    private final HintMetrics metrics;

    HintRecovery(FileSystem fs, HintMetrics metrics) {
        this.fs = fs;
        this.metrics = metrics;
    }

    /** Checks every target directory under {@code root} and returns the targets found, with their files. */
    List<HintTarget> recover(Path root, Pattern hostIdPattern) throws IOException {
        List<HintTarget> targets = new ArrayList<>();
        if (!fs.exists(root)) {
            fs.createDirectories(root);
            // Without this a crash could take the new directory, and every hint file under it, away.
            fs.syncDirectory(root.getParent());
        }
        for (Path dir : fs.listDirectories(root)) {
            String hostId = dir.getFileName().toString();
            if (!hostIdPattern.matcher(hostId).matches()) {
                LOG.warn("Ignoring {}: not a host id", dir);
                continue;
            }
            HintTarget target = new HintTarget(hostId, dir);
            target.dirCreated = true;
            for (Path file : fs.list(dir)) {
                long seq = HintFile.sequenceOf(file);
                if (seq >= 0) {
                    recoverFile(target, file, seq);
                }
            }
            targets.add(target);
        }
        return targets;
    }

    private void recoverFile(HintTarget target, Path file, long seq) throws IOException {
        HintFileReader reader;
        try {
            reader = HintFileReader.open(fs, file, target.hostId);
        } catch (CorruptionException e) {
            quarantine(target, file, e);
            return;
        }
        if (reader == null) {
            LOG.info("Deleting {}: it ends inside its header (a crash before its first sync)", file);
            fs.delete(file);
            fs.syncDirectory(target.dir);
            return;
        }
        long count = 0;
        try (reader) {
            while (reader.next() != null) {
                count++;
            }
            if (reader.end() == HintFileReader.End.TORN_TAIL) {
                LOG.info("Cutting the torn tail of {} at offset {} (a crash during an unsynced append)",
                        file, reader.position());
                fs.truncate(file, reader.position());
            } else if (reader.end() == HintFileReader.End.CORRUPT) {
                // Counted and reported when replay reaches it; the hints before it are still delivered.
                LOG.warn("Found corruption: {}; the hints before it will be replayed", reader.corruption().getMessage());
            }
        }
        target.addFile(new HintFile(file, seq, count));
    }

    /** Renames a corrupt file aside (never read again), logs and counts it. */
    void quarantine(HintTarget target, Path file, CorruptionException e) throws IOException {
        metrics.corrupt.mark();
        Path aside = file.resolveSibling(file.getFileName() + HintFile.CORRUPT_SUFFIX);
        LOG.error("Corrupt hint file for {}: {}; the rest of the file is skipped and the file moved to {}",
                target.hostId, e.getMessage(), aside);
        fs.rename(file, aside);
        fs.syncDirectory(target.dir);
    }
}
