package io.stratadb.client;

import io.stratadb.client.driver.RequestDispatcher;
import io.stratadb.client.exception.ServerErrorException;
import io.stratadb.client.exception.StrataExceptionFactory;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.admin.AdminCommand;
import io.stratadb.client.protocol.message.admin.AdminRequest;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.routing.RoutingInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs one client operation: fills in the client's defaults, builds the protocol request, sends it through
 * the {@link RequestDispatcher}, and turns the answer into the operation's result, or an ERROR into its
 * exception. {@link StrataClient} is the overloads in front of this.
 */
final class RequestExecutor {
    private final RequestDispatcher dispatcher;
    private final ConsistencyLevel defaultConsistency;
    private final ConsistencyLevel defaultSerialConsistency;
    private final String defaultKeyspace;
    private final Duration defaultTimeout;
    private final int maxFrameBytes;
    private final Runnable schemaChanged;

    /** @param schemaChanged told after this client created or dropped a keyspace, to refresh the topology */
    RequestExecutor(RequestDispatcher dispatcher, ConsistencyLevel defaultConsistency,
                    ConsistencyLevel defaultSerialConsistency, String defaultKeyspace, Duration defaultTimeout,
                    int maxFrameBytes, Runnable schemaChanged) {
        this.dispatcher = dispatcher;
        this.defaultSerialConsistency = defaultSerialConsistency;
        this.schemaChanged = schemaChanged;
        this.defaultConsistency = defaultConsistency;
        this.defaultKeyspace = defaultKeyspace;
        this.defaultTimeout = defaultTimeout;
        this.maxFrameBytes = maxFrameBytes;
    }

    CompletableFuture<ReadResult> get(Bytes key, RequestOptions options) {
        String keyspace = keyspace(options.keyspace());
        ConsistencyLevel cl = consistency(options.consistency());
        GetRequest request = new GetRequest(keyspace, cl, key);
        // A read at SERIAL / LOCAL_SERIAL is a Paxos round: routed like the serial writes of its key.
        RoutingInfo routing = cl.isSerial() ? RoutingInfo.serial(keyspace, key) : new RoutingInfo(keyspace, key);
        return execute(request, routing, options.timeout(), true, GetResult.class, r -> readResult(key, r.result()));
    }

    CompletableFuture<Long> put(Bytes key, Bytes value, WriteOptions options) {
        String keyspace = keyspace(options.keyspace());
        checkFrameSize("a put", keyspace, key.length() + (long) value.length());
        PutRequest request = new PutRequest(keyspace, consistency(options.consistency()), key, value,
                options.ttlSeconds(), options.timestampMicros());
        return execute(request, new RoutingInfo(keyspace, key), options.timeout(), options.isIdempotent(),
                PutResult.class,
                PutResult::timestampMicros);
    }

    CompletableFuture<Long> delete(Bytes key, WriteOptions options) {
        if (options.ttlSeconds().isPresent()) {
            throw new IllegalArgumentException("a delete cannot have a TTL");
        }
        String keyspace = keyspace(options.keyspace());
        DeleteRequest request = new DeleteRequest(keyspace, consistency(options.consistency()), key,
                options.timestampMicros());
        return execute(request, new RoutingInfo(keyspace, key), options.timeout(), options.isIdempotent(),
                DeleteResult.class,
                DeleteResult::timestampMicros);
    }

    CompletableFuture<CasResult> putIfAbsent(Bytes key, Bytes value, WriteOptions options) {
        String keyspace = serialWriteKeyspace(options);
        checkFrameSize("a put-if-absent", keyspace, key.length() + (long) value.length());
        return serialWrite(new PutIfAbsentRequest(keyspace, consistency(options.consistency()),
                serialConsistency(options), key, value, options.ttlSeconds()), options);
    }

    CompletableFuture<CasResult> compareAndSet(Bytes key, Bytes expected, Bytes newValue, WriteOptions options) {
        String keyspace = serialWriteKeyspace(options);
        checkFrameSize("a compare-and-set", keyspace, key.length() + (long) expected.length() + newValue.length());
        return serialWrite(new CasRequest(keyspace, consistency(options.consistency()), serialConsistency(options),
                key, expected, newValue, options.ttlSeconds()), options);
    }

    CompletableFuture<CasResult> deleteIf(Bytes key, Bytes expected, WriteOptions options) {
        if (options.ttlSeconds().isPresent()) {
            throw new IllegalArgumentException("a delete cannot have a TTL");
        }
        String keyspace = serialWriteKeyspace(options);
        checkFrameSize("a delete-if", keyspace, key.length() + (long) expected.length());
        return serialWrite(new DeleteIfRequest(keyspace, consistency(options.consistency()), serialConsistency(options),
                key, expected), options);
    }

    CompletableFuture<CasResult> serialPut(Bytes key, Bytes value, WriteOptions options) {
        String keyspace = serialWriteKeyspace(options);
        checkFrameSize("a serial put", keyspace, key.length() + (long) value.length());
        return serialWrite(new SerialPutRequest(keyspace, consistency(options.consistency()), serialConsistency(options),
                key, value, options.ttlSeconds()), options);
    }

    CompletableFuture<List<ReadResult>> multiGet(List<Bytes> keys, RequestOptions options) {
        String keyspace = keyspace(options.keyspace());
        MultiGetRequest request = new MultiGetRequest(keyspace, consistency(options.consistency()), keys);
        return execute(request, new RoutingInfo(keyspace, null), options.timeout(), true, MultiGetResult.class, r -> {
            if (r.results().size() != keys.size()) {
                throw new ServerErrorException(ErrorCode.SERVER_ERROR, "MULTI_GET of " + keys.size()
                        + " keys answered with " + r.results().size() + " results");
            }
            List<ReadResult> results = new ArrayList<>(keys.size());
            for (KeyedValue kv : r.results()) {
                results.add(readResult(kv.key(), kv.result()));
            }
            return results;
        });
    }

    CompletableFuture<ScanPage> scan(PagingState from, int limit, RequestOptions options) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one row, not " + limit);
        }
        String keyspace = keyspace(options.keyspace());
        ScanRequest request = new ScanRequest(keyspace, consistency(options.consistency()),
                Optional.ofNullable(from).map(PagingState::lastKey), limit);
        return execute(request, new RoutingInfo(keyspace, null), options.timeout(), true, ScanResult.class,
                r -> new ScanPage(r.rows().stream()
                        .map(row -> new KeyValue(row.key(), row.value(), row.writeTimestampMicros())).toList(),
                        r.nextPagingKey().map(PagingState::afterKey).orElse(null)));
    }

    CompletableFuture<Boolean> createKeyspace(String name, ReplicationSettings replication, boolean ifNotExists,
                                              RequestOptions options) {
        CreateKeyspaceRequest request = new CreateKeyspaceRequest(new KeyspaceDefinition(name, replication),
                ifNotExists);
        return afterSchemaChange(execute(request, RoutingInfo.none(), options.timeout(), ifNotExists,
                CreateKeyspaceResult.class, CreateKeyspaceResult::created));
    }

    CompletableFuture<Boolean> dropKeyspace(String name, boolean ifExists, RequestOptions options) {
        return afterSchemaChange(execute(new DropKeyspaceRequest(name, ifExists), RoutingInfo.none(),
                options.timeout(), ifExists, DropKeyspaceResult.class, DropKeyspaceResult::dropped));
    }

    CompletableFuture<List<KeyspaceDefinition>> keyspaces(RequestOptions options) {
        return execute(new ListKeyspacesRequest(), RoutingInfo.none(), options.timeout(), true,
                ListKeyspacesResult.class, ListKeyspacesResult::keyspaces);
    }

    CompletableFuture<TopologyResult> topology(RequestOptions options) {
        return execute(new TopologyRequest(), RoutingInfo.none(), options.timeout(), true, TopologyResult.class,
                Function.identity());
    }

    CompletableFuture<AdminResult> admin(AdminRequest request, RequestOptions options) {
        // Reports only read, so a retry is harmless; a flush or compaction retried would redo disk work.
        AdminCommand command = AdminCommand.fromWireName(request.command());
        boolean idempotent = command != null && !command.isMaintenance();
        return execute(request, RoutingInfo.none(), options.timeout(), idempotent, AdminResult.class,
                Function.identity());
    }

    /**
     * Asks for a topology fetch once a schema change ends, whatever its outcome (a failed one may still
     * have happened), so token-aware routing learns a new keyspace without waiting for the periodic fetch.
     */
    private <T> CompletableFuture<T> afterSchemaChange(CompletableFuture<T> change) {
        // Not change.whenComplete(...): its future would wrap a failure in a CompletionException.
        CompletableFuture<T> done = new CompletableFuture<>();
        change.whenComplete((result, error) -> {
            schemaChanged.run();
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(result);
            }
        });
        return done;
    }

    /** Fails now if neither the options nor the client name a keyspace. */
    String keyspace(String requested) {
        String keyspace = requested != null ? requested : defaultKeyspace;
        if (keyspace == null) {
            throw new IllegalStateException("no keyspace: pass one in the request options or set defaultKeyspace");
        }
        return keyspace;
    }

    private ConsistencyLevel consistency(ConsistencyLevel requested) {
        return requested != null ? requested : defaultConsistency;
    }

    private ConsistencyLevel serialConsistency(WriteOptions options) {
        return options.serialConsistency() != null ? options.serialConsistency() : defaultSerialConsistency;
    }

    /** The keyspace of a serial write, after refusing what such a write cannot carry. */
    private String serialWriteKeyspace(WriteOptions options) {
        if (options.timestampMicros().isPresent()) {
            throw new IllegalArgumentException("a serial write cannot carry a client timestamp: its Paxos ballot "
                    + "gives it one");
        }
        return keyspace(options.keyspace());
    }

    /** The server closes the connection over a frame beyond its limit; refuse such a write here instead. */
    private void checkFrameSize(String what, String keyspace, long dataBytes) {
        long size = 64L + 3L * keyspace.length() + dataBytes;
        if (size > maxFrameBytes) {
            throw new IllegalArgumentException(what + " of " + dataBytes + " key and value bytes exceeds the frame "
                    + "limit of " + maxFrameBytes + " bytes");
        }
    }

    /**
     * Sends a Paxos write to its key's first live replica, never as idempotent: the retry policy decides on
     * its own rules for serial writes ({@link io.stratadb.client.retry.AttemptedRequest#isSerialWrite()}).
     */
    private CompletableFuture<CasResult> serialWrite(SerialWriteRequest request, WriteOptions options) {
        return execute(request, RoutingInfo.serial(request.keyspace(), request.key()), options.timeout(), false,
                SerialWriteResult.class, r -> casResult(request, r));
    }

    private static CasResult casResult(SerialWriteRequest request, SerialWriteResult r) {
        if (r.opcode() != request.opcode().resultOpcode()) {
            throw new ServerErrorException(ErrorCode.SERVER_ERROR, "the server answered " + request.opcode()
                    + " with " + r.opcode());
        }
        return r.applied() ? CasResult.wasApplied()
                : CasResult.notApplied(readResult(request.key(), r.current().orElseThrow()));
    }

    /**
     * Sends and converts. The result fails with the exception itself, not wrapped in a {@code
     * CompletionException}, so async callers see the same types as sync ones.
     */
    private <R extends Response, T> CompletableFuture<T> execute(Request request, RoutingInfo routing,
                                                                 Duration timeout, boolean idempotent,
                                                                 Class<R> expected, Function<R, T> convert) {
        CompletableFuture<T> result = new CompletableFuture<>();
        dispatcher.send(request, routing, timeout != null ? timeout : defaultTimeout, idempotent)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                        return;
                    }
                    try {
                        result.complete(convert.apply(expect(request, response, expected)));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    private static <R extends Response> R expect(Request request, Response response, Class<R> expected) {
        if (response instanceof ErrorResponse error) {
            throw StrataExceptionFactory.fromError(error);
        }
        if (!expected.isInstance(response)) {
            throw new ServerErrorException(ErrorCode.SERVER_ERROR, "the server answered " + request.opcode()
                    + " with " + response.opcode());
        }
        return expected.cast(response);
    }

    private static ReadResult readResult(Bytes key, ValueResult result) {
        return result.found() ? ReadResult.present(key, result.value(), result.writeTimestampMicros())
                : ReadResult.absent(key);
    }
}
