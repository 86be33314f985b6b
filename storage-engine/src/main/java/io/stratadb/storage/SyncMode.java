package io.stratadb.storage;

/** When a write is acknowledged relative to the fsync of its commit-log entry. */
public enum SyncMode {
    /**
     * Acknowledged only after the fsync that covers it. One writer thread batches every entry queued
     * while the previous fsync ran (optionally waiting {@code groupWindow} for more), so one fsync
     * serves many writers.
     */
    GROUP,
    /** Acknowledged once queued; fsync every {@code periodicSyncInterval}. A crash loses at most that window. */
    PERIODIC
}
