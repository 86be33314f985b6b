package io.stratadb.storage.compaction;

import java.nio.charset.StandardCharsets;

/** A candidate described by numbers only: strategies never touch files. */
record FakeCandidate(long id, long sizeOnDisk, int level, byte[] minKey, byte[] maxKey) implements CompactionCandidate {

    static FakeCandidate of(long id, long size, int level, String min, String max) {
        return new FakeCandidate(id, size, level, min.getBytes(StandardCharsets.UTF_8), max.getBytes(StandardCharsets.UTF_8));
    }

    static FakeCandidate sized(long id, long size) {
        return of(id, size, 0, "a", "z");
    }
}
