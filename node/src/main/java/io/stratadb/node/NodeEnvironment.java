package io.stratadb.node;

import io.stratadb.storage.Clock;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;

import java.util.Objects;

/**
 * What a node takes from the outside world besides its configuration: time and files. Tests pass a manual
 * clock or a fault-injecting file system; simulated-cluster tests will pass simulated ones.
 */
public record NodeEnvironment(Clock clock, FileSystem fileSystem) {

    public NodeEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fileSystem, "fileSystem");
    }

    /** The machine's clock and file system. */
    public static NodeEnvironment system() {
        return new NodeEnvironment(Clock.system(), new LocalFileSystem());
    }
}
