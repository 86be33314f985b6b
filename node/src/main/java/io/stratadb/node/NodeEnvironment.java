package io.stratadb.node;

import io.stratadb.node.messaging.MessageFilter;
import io.stratadb.storage.Clock;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;

import java.util.Objects;

/**
 * What a node takes from the outside world besides its configuration: time, files, and the filter its
 * internode messages pass through. Tests pass a manual clock, a fault-injecting file system, or one
 * message filter shared by the nodes of an in-JVM cluster to cut and heal partitions.
 */
public record NodeEnvironment(Clock clock, FileSystem fileSystem, MessageFilter messageFilter) {

    public NodeEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(messageFilter, "messageFilter");
    }

    public NodeEnvironment(Clock clock, FileSystem fileSystem) {
        this(clock, fileSystem, new MessageFilter());
    }

    /** The machine's clock and file system, and a filter that passes everything. */
    public static NodeEnvironment system() {
        return new NodeEnvironment(Clock.system(), new LocalFileSystem());
    }

    public NodeEnvironment withMessageFilter(MessageFilter filter) {
        return new NodeEnvironment(clock, fileSystem, filter);
    }
}
