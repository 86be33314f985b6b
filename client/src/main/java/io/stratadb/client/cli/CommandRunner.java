package io.stratadb.client.cli;

import io.stratadb.client.CasResult;
import io.stratadb.client.PagingState;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.ScanPage;
import io.stratadb.client.StrataClient;
import io.stratadb.client.WriteOptions;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Runs a {@link CliCommand} against a client and describes the outcome as an {@link Answer}; never throws
 * for a failed request. The client is asked for only when a command needs it, so {@code help} works
 * without a server and a failed connection is retried by the next command.
 */
final class CommandRunner {
    private final Supplier<StrataClient> client;
    private final RequestOptions serialRead;

    /** @param serialConsistency the level of {@code get --serial}: SERIAL or LOCAL_SERIAL */
    CommandRunner(Supplier<StrataClient> client, ConsistencyLevel serialConsistency) {
        this.client = client;
        this.serialRead = RequestOptions.defaults().withConsistency(serialConsistency);
    }

    Answer run(CliCommand command) {
        try {
            return execute(command);
        } catch (StrataException e) {
            return new Answer.Failure(status(e), e.getMessage(), Answer.Failure.REQUEST_FAILED);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Answer.Failure.usage(e.getMessage()); // no keyspace, a key over 64 KiB, a bad paging state...
        } catch (RuntimeException e) {
            return new Answer.Failure("CLIENT_ERROR", String.valueOf(e), Answer.Failure.REQUEST_FAILED);
        }
    }

    private Answer execute(CliCommand command) {
        if (command instanceof CliCommand.Get c) {
            ReadResult r = c.serial() ? client.get().get(c.key(), serialRead) : client.get().get(c.key());
            return new Answer.Value(r.valueAsString());
        }
        if (command instanceof CliCommand.SerialPut c) {
            return conditional(client.get().serialPut(c.key(), c.value(), withTtl(c.ttlSeconds())));
        }
        if (command instanceof CliCommand.PutIfAbsent c) {
            return conditional(client.get().putIfAbsent(c.key(), c.value(), withTtl(c.ttlSeconds())));
        }
        if (command instanceof CliCommand.CompareAndSet c) {
            return conditional(client.get().compareAndSet(c.key(), c.expected(), c.newValue(), withTtl(c.ttlSeconds())));
        }
        if (command instanceof CliCommand.DeleteIf c) {
            return conditional(client.get().deleteIf(c.key(), c.expected()));
        }
        if (command instanceof CliCommand.Put c) {
            WriteOptions options = WriteOptions.defaults();
            if (c.ttlSeconds().isPresent()) {
                options = options.withTtlSeconds(c.ttlSeconds().getAsInt());
            }
            if (c.timestampMicros().isPresent()) {
                options = options.withTimestampMicros(c.timestampMicros().getAsLong());
            }
            client.get().put(c.key(), c.value(), options);
            return new Answer.Done();
        }
        if (command instanceof CliCommand.Delete c) {
            WriteOptions options = c.timestampMicros().isPresent()
                    ? WriteOptions.defaults().withTimestampMicros(c.timestampMicros().getAsLong())
                    : WriteOptions.defaults();
            client.get().delete(c.key(), options);
            return new Answer.Done();
        }
        if (command instanceof CliCommand.MultiGet c) {
            return new Answer.Values(client.get().multiGetStrings(c.keys()));
        }
        if (command instanceof CliCommand.Scan c) {
            PagingState from = c.pagingState() == null ? null : PagingState.parse(c.pagingState());
            ScanPage page = client.get().scan(from, c.limit());
            return new Answer.Rows(page.rows(), page.hasMorePages() ? page.pagingState().toString() : null);
        }
        if (command instanceof CliCommand.CreateKeyspace c) {
            client.get().createKeyspace(c.name(), new ReplicationSettings.Simple(c.replicationFactor()),
                    c.ifNotExists(), RequestOptions.defaults());
            return new Answer.Done();
        }
        if (command instanceof CliCommand.DropKeyspace c) {
            client.get().dropKeyspace(c.name(), c.ifExists(), RequestOptions.defaults());
            return new Answer.Done();
        }
        if (command instanceof CliCommand.ListKeyspaces) {
            return new Answer.Keyspaces(client.get().keyspaces());
        }
        if (command instanceof CliCommand.Topology) {
            return new Answer.Topology(client.get().topology());
        }
        return new Answer.Help(CommandParser.USAGE);
    }

    private static WriteOptions withTtl(OptionalInt ttlSeconds) {
        return ttlSeconds.isPresent() ? WriteOptions.defaults().withTtlSeconds(ttlSeconds.getAsInt())
                : WriteOptions.defaults();
    }

    private static Answer conditional(CasResult r) {
        return new Answer.Conditional(r.applied(), r.currentValueAsString());
    }

    /** The server's code name, or a name for what the client found itself. */
    static String status(StrataException e) {
        if (e.code() != null) {
            return e.code().name();
        }
        if (e instanceof NoNodeAvailableException n) {
            return n.allBusy() ? "BUSY" : "NO_NODE_AVAILABLE";
        }
        if (e instanceof ConnectionException) {
            return "CONNECTION_ERROR";
        }
        return "CLIENT_ERROR";
    }
}
