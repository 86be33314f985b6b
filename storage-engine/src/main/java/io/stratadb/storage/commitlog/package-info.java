/**
 * The commit log: every mutation is appended here, and made durable according to the sync mode,
 * before the engine applies it to the memtable; on start the log is replayed to rebuild what the
 * memtables held. The byte layout is specified in {@code docs/commitlog-format.md}; the classes that
 * encode it ({@link io.stratadb.storage.commitlog.SegmentHeader},
 * {@link io.stratadb.storage.commitlog.SectionHeader}, {@link io.stratadb.storage.commitlog.EntryFraming},
 * {@link io.stratadb.storage.commitlog.MutationCodec}) point back to it, and one scanner per format version
 * reads it back. {@link io.stratadb.storage.commitlog.CommitLog} is the entry point.
 */
package io.stratadb.storage.commitlog;
