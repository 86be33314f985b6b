package io.stratadb.node.hints;

import io.stratadb.storage.CorruptionException;

import java.util.List;

/**
 * What one replay did.
 *
 * @param delivered hints the target acknowledged (a hint re-sent after an interrupted replay counts again)
 * @param expired hints dropped for being older than the hint window
 * @param corruptions corrupt files or file tails skipped, each naming file and offset
 * @param complete true if every hint present when it started (and any stored meanwhile) was handled
 * @param failure why it stopped early: the first failed send, an I/O error, or null if stopped by request
 */
public record ReplayResult(long delivered, long expired, List<CorruptionException> corruptions,
                           boolean complete, Throwable failure) {

    public ReplayResult {
        corruptions = List.copyOf(corruptions);
    }
}
