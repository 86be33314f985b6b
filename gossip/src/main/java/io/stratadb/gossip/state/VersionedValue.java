package io.stratadb.gossip.state;

import java.util.Objects;

/**
 * One announced value and the version it was given by its owner. Versions come from the owner's
 * single counter (shared with its heartbeat), so within one generation a higher version is always
 * the later announcement, whichever key it belongs to.
 */
public record VersionedValue(String value, int version) {

    public VersionedValue {
        Objects.requireNonNull(value, "value");
        if (version < 0) {
            throw new IllegalArgumentException("negative version " + version);
        }
    }
}
