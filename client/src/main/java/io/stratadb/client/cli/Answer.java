package io.stratadb.client.cli;

import io.stratadb.client.KeyValue;
import io.stratadb.client.ReadResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.util.List;

/** The outcome of one CLI command, before it is formatted as text or JSON. */
sealed interface Answer {
    /** Exit status of the CLI when this was the answer to its one command. */
    default int exitCode() {
        return 0;
    }

    /** A write or schema change succeeded. */
    record Done() implements Answer {
    }

    /** A get: the value, or {@code null} if the key has none. */
    record Value(String value) implements Answer {
    }

    /**
     * A serial write: applied, or not, with the value its condition was checked against ({@code current},
     * {@code null} when the key had none).
     */
    record Conditional(boolean applied, String current) implements Answer {
    }

    record Values(List<ReadResult> results) implements Answer {
    }

    record Keyspaces(List<KeyspaceDefinition> keyspaces) implements Answer {
    }

    /** A scan page; {@code next} is the paging state of the next page, or {@code null} after the last. */
    record Rows(List<KeyValue> rows, String next) implements Answer {
    }

    record Topology(TopologyResult topology) implements Answer {
    }

    record Help(String text) implements Answer {
    }

    /**
     * The command failed. {@code status} is the server's error code name (TIMEOUT, UNAVAILABLE...), or for
     * failures found by the client: CONNECTION_ERROR, NO_NODE_AVAILABLE, BUSY, USAGE_ERROR, CLIENT_ERROR.
     */
    record Failure(String status, String message, int exitCode) implements Answer {
        static final int REQUEST_FAILED = 1;
        static final int USAGE = 2;

        static Failure usage(String message) {
            return new Failure("USAGE_ERROR", message, USAGE);
        }
    }
}
