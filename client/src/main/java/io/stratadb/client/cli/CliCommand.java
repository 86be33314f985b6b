package io.stratadb.client.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One parsed CLI command; {@link CommandParser} makes them, {@link CommandRunner} runs them. */
sealed interface CliCommand {
    /** {@code serial}: read at the serial level (a linearizable read through Paxos). */
    record Get(String key, boolean serial) implements CliCommand {
        Get(String key) {
            this(key, false);
        }
    }

    record Put(String key, String value, OptionalInt ttlSeconds, OptionalLong timestampMicros) implements CliCommand {
    }

    record Delete(String key, OptionalLong timestampMicros) implements CliCommand {
    }

    /** {@code put KEY VALUE --serial}: an unconditional write through Paxos. */
    record SerialPut(String key, String value, OptionalInt ttlSeconds) implements CliCommand {
    }

    record PutIfAbsent(String key, String value, OptionalInt ttlSeconds) implements CliCommand {
    }

    record CompareAndSet(String key, String expected, String newValue, OptionalInt ttlSeconds) implements CliCommand {
    }

    record DeleteIf(String key, String expected) implements CliCommand {
    }

    record MultiGet(List<String> keys) implements CliCommand {
    }

    record Scan(int limit, String pagingState) implements CliCommand {
    }

    record CreateKeyspace(String name, int replicationFactor, boolean ifNotExists) implements CliCommand {
    }

    record DropKeyspace(String name, boolean ifExists) implements CliCommand {
    }

    record ListKeyspaces() implements CliCommand {
    }

    record Topology() implements CliCommand {
    }

    record Help() implements CliCommand {
    }
}
