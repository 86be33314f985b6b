package io.stratadb.node.hints;

/**
 * Versions of the hint file format ({@code docs/hints.md}). The version is in every file header; a
 * reader refuses a version it does not know rather than guess. Never renumber.
 */
public enum HintFormatVersion {

    /** The first format: header with magic, version, target host id and CRC32C; framed entries. */
    V1(1);

    /** The version new files are written with. */
    public static final HintFormatVersion CURRENT = V1;

    private final int code;

    HintFormatVersion(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws IllegalArgumentException for a version this build cannot read */
    public static HintFormatVersion fromCode(int code) {
        for (HintFormatVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown hint format version " + code);
    }
}
