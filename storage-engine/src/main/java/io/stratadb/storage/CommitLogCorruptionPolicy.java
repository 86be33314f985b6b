package io.stratadb.storage;

/** What replay does on a checksum failure that is not a torn tail. */
public enum CommitLogCorruptionPolicy {
    /** Refuse to start, naming the file and offset (the default: nothing is silently lost). */
    STOP,
    /** Skip the rest of that segment, report it, and go on. */
    SKIP
}
