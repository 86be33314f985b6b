package io.stratadb.client.cli;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One parsed CLI command; {@link CommandParser} makes them, {@link CommandRunner} runs them. */
sealed interface CliCommand {
    record Get(String key) implements CliCommand {
    }

    record Put(String key, String value, OptionalInt ttlSeconds, OptionalLong timestampMicros) implements CliCommand {
    }

    record Delete(String key, OptionalLong timestampMicros) implements CliCommand {
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
