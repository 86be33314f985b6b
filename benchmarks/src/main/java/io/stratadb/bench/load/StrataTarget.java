package io.stratadb.bench.load;

import io.stratadb.client.CasResult;
import io.stratadb.client.PagingState;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.WriteOptions;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** StrataDB through its Java client, with the consistency level and keyspace of the run. */
final class StrataTarget implements KvTarget {

    private final StrataClient client;
    private final String keyspace;
    private final int replicationFactor;
    private final RequestOptions readOptions;
    private final WriteOptions writeOptions;
    private final RequestOptions serialReadOptions;
    private final WriteOptions casOptions;

    StrataTarget(BenchOptions options) {
        ConsistencyLevel cl = ConsistencyLevel.valueOf(options.consistency());
        this.keyspace = options.keyspace();
        this.replicationFactor = options.replicationFactor();
        this.client = StrataClient.builder()
                .contactPoints(options.hosts())
                .defaultKeyspace(keyspace)
                .defaultConsistency(cl)
                .requestTimeout(Duration.ofSeconds(10))
                .maxRequestsPerConnection(Math.max(1024, options.concurrency * 2))
                .connectionsPerHost(options.connections)
                .build();
        this.readOptions = RequestOptions.defaults().withConsistency(cl).withKeyspace(keyspace);
        this.writeOptions = WriteOptions.defaults().withConsistency(cl).withKeyspace(keyspace);
        ConsistencyLevel serial = ConsistencyLevel.valueOf(options.serialConsistency());
        this.serialReadOptions = RequestOptions.defaults().withConsistency(serial).withKeyspace(keyspace);
        // The run's level commits the decided value; the serial level runs the Paxos round.
        this.casOptions = writeOptions.withSerialConsistency(serial);
    }

    @Override
    public void prepare() {
        client.createKeyspace(keyspace, new ReplicationSettings.Simple(replicationFactor),
                true, RequestOptions.defaults());
    }

    @Override
    public CompletableFuture<?> read(byte[] key) {
        return client.getAsync(key, readOptions);
    }

    @Override
    public CompletableFuture<?> write(byte[] key, byte[] value) {
        return client.putAsync(key, value, writeOptions);
    }

    @Override
    public CompletableFuture<byte[]> serialRead(byte[] key) {
        return client.getAsync(key, serialReadOptions).thenApply(ReadResult::value);
    }

    @Override
    public CompletableFuture<CasOutcome> compareAndSet(byte[] key, byte[] expected, byte[] newValue) {
        CompletableFuture<CasResult> result = expected == null ? client.putIfAbsentAsync(key, newValue, casOptions)
                : client.compareAndSetAsync(key, expected, newValue, casOptions);
        return result.thenApply(r -> r.applied() ? CasOutcome.wasApplied() : CasOutcome.notApplied(r.currentValue()));
    }

    @Override
    public CompletableFuture<?> scan(byte[] startKey, int count) {
        return client.scanAsync(PagingState.after(startKey), count, readOptions);
    }

    /** The protocol error code name, or the exception's class for failures the client detected itself. */
    static String errorCode(Throwable t) {
        if (t instanceof StrataException se && se.code() != null) {
            return se.code().name();
        }
        return t.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
    }
}
