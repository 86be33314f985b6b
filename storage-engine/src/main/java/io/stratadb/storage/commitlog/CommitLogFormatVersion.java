package io.stratadb.storage.commitlog;

/**
 * Versions of the commit-log segment format (see docs/commitlog-format.md). The number is stored in
 * every segment header; a reader refuses a segment whose version it does not know rather than
 * guessing at its layout. Never renumber; add a constant (with a comment saying what it changed) and
 * keep reading the older ones.
 */
enum CommitLogFormatVersion {
    /**
     * The first format: 20-byte segment header (magic, version, flags, id, CRC32C); entries framed as
     * length, CRC32C of the length, payload, CRC32C of the payload; payload is the V1 mutation encoding
     * of {@link MutationCodec}.
     */
    V1(1),
    /**
     * Sync sections: after the segment header, entries come in sections, one per write call, each
     * opened by a {@link SectionHeader} (marker, length, the offset up to which the segment had been
     * synced when the section was written, CRC32C). Entry framing and payload are V1's. Lets replay
     * tell a power cut, which may persist unsynced pages out of order, from corruption of synced data.
     */
    V2(2);

    /** What new segments are written with. */
    static final CommitLogFormatVersion CURRENT = V2;

    private final int code;

    CommitLogFormatVersion(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The version stored as {@code code}, or null if this build does not know it. */
    static CommitLogFormatVersion fromCode(int code) {
        for (CommitLogFormatVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
