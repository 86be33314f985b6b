package io.stratadb.client;

import io.stratadb.client.connection.ConnectionFactory;
import io.stratadb.client.driver.ClientResources;
import io.stratadb.client.driver.RequestDispatcher;
import io.stratadb.client.driver.TopologyMonitor;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.pool.ExponentialBackoff;
import io.stratadb.client.pool.NodePool;
import io.stratadb.client.pool.NodePools;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.admin.AdminRequest;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.routing.ClusterView;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.Node;
import io.stratadb.client.routing.NodeHealth;
import io.stratadb.client.routing.RoutingInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of a StrataDB cluster: thread-safe, meant to be built once and shared, and closed at the end.
 *
 * <pre>{@code
 * try (StrataClient client = StrataClient.builder().contactPoints("127.0.0.1:9470")
 *         .defaultKeyspace("app").build()) {
 *     client.put("user:42", "Ada");
 *     ReadResult r = client.get("user:42");
 *     if (r.isPresent()) System.out.println(r.valueAsString());
 *     client.getAsync("user:42").thenAccept(x -> System.out.println(x.valueAsString()));
 * }
 * }</pre>
 *
 * <p>Every operation comes synchronous and asynchronous ({@code ...Async}, returning a {@link
 * CompletableFuture}), and with an overload taking per-request options. Keys and values are bytes; the
 * {@code String} overloads encode them as UTF-8. A failed request throws (or completes the future with) a
 * {@link io.stratadb.client.exception.StrataException}: one subclass per server error code, {@link
 * io.stratadb.client.exception.RequestTimeoutException} when no answer came in time, {@link
 * io.stratadb.client.exception.ConnectionException} when the connection broke, {@link NoNodeAvailableException}
 * when no node could take the request. {@code requestHadNoEffect()} tells whether a retry is safe.
 *
 * <p>Compare-and-set and the other serial writes ({@link #compareAndSet}, {@link #putIfAbsent}, {@link
 * #deleteIf}, {@link #serialPut}) run a Paxos round per key and answer a {@link CasResult}; a linearizable
 * read is a {@code get} at {@link io.stratadb.client.protocol.ConsistencyLevel#SERIAL}:
 *
 * <pre>{@code
 * CasResult r = client.compareAndSet("stock:7", "3", "2");
 * if (!r.applied()) retryWith(r.currentValueAsString());
 * client.get("stock:7", RequestOptions.defaults().withConsistency(ConsistencyLevel.SERIAL));
 * }</pre>
 *
 * <p>The client learns the cluster from the TOPOLOGY of a contact point, keeps it current, and by default
 * sends each keyed request to a replica of its key ({@link io.stratadb.client.routing.TokenAwarePolicy}).
 * A request that failed after it may have been sent is retried on another node only when the {@link
 * io.stratadb.client.retry.RetryPolicy} says so: by default reads and idempotent writes ({@link
 * WriteOptions#isIdempotent()}), once, after transient failures, within the request's timeout.
 *
 * <p>Futures complete on the client's I/O threads: callbacks attached to them must not block, and the
 * synchronous methods refuse to run there (they would deadlock). Argument errors ({@code null}, a key over
 * 64 KiB, no keyspace) are thrown at once, by the asynchronous methods too.
 */
public final class StrataClient implements AutoCloseable {
    private final ClientResources resources;
    private final NodePools pools;
    private final List<NodePool> contactPointPools;
    private final TopologyMonitor monitor;
    private final RequestDispatcher dispatcher;
    private final Duration topologyTimeout;
    private final RequestExecutor requests;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StrataClient(StrataClientBuilder settings, ClientResources resources) {
        this.resources = resources;
        ConnectionFactory factory = new ConnectionFactory(resources.eventLoops(),
                resources.transport().channelType(), resources.timer(), settings.connectionSettings());
        ExponentialBackoff backoff = new ExponentialBackoff(settings.reconnectBaseDelay(),
                settings.reconnectMaxDelay(), () -> ThreadLocalRandom.current().nextDouble());
        List<Node> contactPoints = settings.contactPointList().stream().map(Node::new).toList();
        LoadBalancingPolicy policy = settings.loadBalancingPolicy();
        // A node whose connection failed stays at the back of plans for as long as its pool waits to reconnect.
        NodeHealth health = new NodeHealth(settings.ticker(), backoff::delayNanos);
        TopologyMonitor monitor = new TopologyMonitor(policy, health, resources.timer(), settings.ticker(),
                settings.topologyRefreshInterval(), settings.minTopologyFetchInterval(), contactPoints);
        this.pools = new NodePools(node -> new NodePool(node, factory, settings.connectionsPerHost(),
                settings.connectionSettings().maxRequestsPerConnection(), backoff, resources.timer(), monitor));
        this.contactPointPools = pools.addContactPoints(contactPoints);
        this.monitor = monitor;
        policy.init(contactPoints);
        this.dispatcher = new RequestDispatcher(policy, pools, settings.retryPolicy(), settings.ticker(),
                monitor::keyspaceUsed);
        this.topologyTimeout = settings.requestTimeout();
        this.requests = new RequestExecutor(dispatcher, settings.defaultConsistency(),
                settings.defaultSerialConsistency(), settings.defaultKeyspace(),
                settings.requestTimeout(), settings.maxFrameBytes(), monitor::refreshSoon);
    }

    /** Starts configuring a client. */
    public static StrataClientBuilder builder() {
        return new StrataClientBuilder();
    }

    static StrataClient connect(StrataClientBuilder settings) {
        StrataClient client = new StrataClient(settings, new ClientResources(settings.ioThreads(), settings.nativeTransport()));
        try {
            client.await(client.startPools());
            // Waits for the first topology (bounded by the request timeout), so that the first requests are
            // already token-aware; a failed fetch leaves the contact points to route over.
            client.await(client.monitor.start(client.pools::reconcile, client::fetchTopology));
            return client;
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    /** Completes when the first node is connected; fails when every node's first attempts failed. */
    private CompletableFuture<Void> startPools() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        for (NodePool pool : contactPointPools) {
            pool.start().whenComplete((ok, error) -> {
                if (error == null) {
                    first.complete(null);
                    return;
                }
                synchronized (errors) {
                    errors.put(pool.node().address(), error);
                }
                if (failed.incrementAndGet() == contactPointPools.size()) {
                    synchronized (errors) {
                        first.completeExceptionally(new NoNodeAvailableException(errors));
                    }
                }
            });
        }
        return first;
    }

    private CompletableFuture<Response> fetchTopology() {
        return dispatcher.send(new TopologyRequest(), RoutingInfo.none(), topologyTimeout, true);
    }

    // ---- get ------------------------------------------------------------------------------------------

    /** Reads a key at the default consistency level. */
    public ReadResult get(byte[] key) {
        return await(getAsync(key, RequestOptions.defaults()));
    }

    /** Reads a UTF-8 key. */
    public ReadResult get(String key) {
        return await(getAsync(key, RequestOptions.defaults()));
    }

    /** Reads a key with per-request options. */
    public ReadResult get(byte[] key, RequestOptions options) {
        return await(getAsync(key, options));
    }

    /** Reads a UTF-8 key with per-request options. */
    public ReadResult get(String key, RequestOptions options) {
        return await(getAsync(key, options));
    }

    /** Asynchronous {@link #get(byte[])}. */
    public CompletableFuture<ReadResult> getAsync(byte[] key) {
        return getAsync(key, RequestOptions.defaults());
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<ReadResult> getAsync(String key) {
        return getAsync(key, RequestOptions.defaults());
    }

    /** Asynchronous {@link #get(byte[], RequestOptions)}. */
    public CompletableFuture<ReadResult> getAsync(byte[] key, RequestOptions options) {
        return open().get(Bytes.copyOf(key), options);
    }

    /** Asynchronous {@link #get(String, RequestOptions)}. */
    public CompletableFuture<ReadResult> getAsync(String key, RequestOptions options) {
        return open().get(Bytes.ofUtf8(key), options);
    }

    // ---- put ------------------------------------------------------------------------------------------

    /** Writes a value; returns the write timestamp applied (microseconds since the epoch). */
    public long put(byte[] key, byte[] value) {
        return await(putAsync(key, value, WriteOptions.defaults()));
    }

    /** Writes a UTF-8 value under a UTF-8 key; returns the write timestamp applied. */
    public long put(String key, String value) {
        return await(putAsync(key, value, WriteOptions.defaults()));
    }

    /** Writes a value with per-request options: consistency, timeout, keyspace, TTL, client timestamp. */
    public long put(byte[] key, byte[] value, WriteOptions options) {
        return await(putAsync(key, value, options));
    }

    /** Writes a UTF-8 value under a UTF-8 key with per-request options. */
    public long put(String key, String value, WriteOptions options) {
        return await(putAsync(key, value, options));
    }

    /** Asynchronous {@link #put(byte[], byte[])}. */
    public CompletableFuture<Long> putAsync(byte[] key, byte[] value) {
        return putAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #put(String, String)}. */
    public CompletableFuture<Long> putAsync(String key, String value) {
        return putAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #put(byte[], byte[], WriteOptions)}. */
    public CompletableFuture<Long> putAsync(byte[] key, byte[] value, WriteOptions options) {
        return open().put(Bytes.copyOf(key), Bytes.copyOf(value), options);
    }

    /** Asynchronous {@link #put(String, String, WriteOptions)}. */
    public CompletableFuture<Long> putAsync(String key, String value, WriteOptions options) {
        return open().put(Bytes.ofUtf8(key), Bytes.ofUtf8(value), options);
    }

    // ---- delete ---------------------------------------------------------------------------------------

    /** Deletes a key (writes a tombstone); returns the tombstone's timestamp. Deleting a missing key is fine. */
    public long delete(byte[] key) {
        return await(deleteAsync(key, WriteOptions.defaults()));
    }

    /** Deletes a UTF-8 key. */
    public long delete(String key) {
        return await(deleteAsync(key, WriteOptions.defaults()));
    }

    /** Deletes with per-request options; a TTL is not allowed ({@link IllegalArgumentException}). */
    public long delete(byte[] key, WriteOptions options) {
        return await(deleteAsync(key, options));
    }

    /** Deletes a UTF-8 key with per-request options. */
    public long delete(String key, WriteOptions options) {
        return await(deleteAsync(key, options));
    }

    /** Asynchronous {@link #delete(byte[])}. */
    public CompletableFuture<Long> deleteAsync(byte[] key) {
        return deleteAsync(key, WriteOptions.defaults());
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Long> deleteAsync(String key) {
        return deleteAsync(key, WriteOptions.defaults());
    }

    /** Asynchronous {@link #delete(byte[], WriteOptions)}. */
    public CompletableFuture<Long> deleteAsync(byte[] key, WriteOptions options) {
        return open().delete(Bytes.copyOf(key), options);
    }

    /** Asynchronous {@link #delete(String, WriteOptions)}. */
    public CompletableFuture<Long> deleteAsync(String key, WriteOptions options) {
        return open().delete(Bytes.ofUtf8(key), options);
    }

    // ---- serial writes (lightweight transactions) -------------------------------------------------------

    /*
     * Each runs one Paxos round among the key's replicas, at the options' serial consistency (SERIAL unless
     * set), then commits at the ordinary consistency level. Sent to the key's first live replica. A CasResult
     * says whether it applied and, if not, the value the condition was checked against. Failures: a
     * ContentionException when the server gave up after repeated lost rounds, a RequestTimeoutException whose
     * kind() is the Paxos phase, both with the outcome unknown (docs/client.md, "Serial operations").
     */
    /** Writes the value only if the key has no live value, at the client's default levels. */
    public CasResult putIfAbsent(byte[] key, byte[] value) {
        return await(putIfAbsentAsync(key, value, WriteOptions.defaults()));
    }

    /** {@link #putIfAbsent(byte[], byte[])} with UTF-8 strings. */
    public CasResult putIfAbsent(String key, String value) {
        return await(putIfAbsentAsync(key, value, WriteOptions.defaults()));
    }

    /** Writes the value only if the key has no live value, with per-request options (commit and serial levels, timeout, keyspace, TTL). */
    public CasResult putIfAbsent(byte[] key, byte[] value, WriteOptions options) {
        return await(putIfAbsentAsync(key, value, options));
    }

    /** {@link #putIfAbsent(byte[], byte[], WriteOptions)} with UTF-8 strings. */
    public CasResult putIfAbsent(String key, String value, WriteOptions options) {
        return await(putIfAbsentAsync(key, value, options));
    }

    /** Asynchronous {@link #putIfAbsent(byte[], byte[])}. */
    public CompletableFuture<CasResult> putIfAbsentAsync(byte[] key, byte[] value) {
        return putIfAbsentAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #putIfAbsent(String, String)}. */
    public CompletableFuture<CasResult> putIfAbsentAsync(String key, String value) {
        return putIfAbsentAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #putIfAbsent(byte[], byte[], WriteOptions)}. */
    public CompletableFuture<CasResult> putIfAbsentAsync(byte[] key, byte[] value, WriteOptions options) {
        return open().putIfAbsent(Bytes.copyOf(key), Bytes.copyOf(value), options);
    }

    /** Asynchronous {@link #putIfAbsent(String, String, WriteOptions)}. */
    public CompletableFuture<CasResult> putIfAbsentAsync(String key, String value, WriteOptions options) {
        return open().putIfAbsent(Bytes.ofUtf8(key), Bytes.ofUtf8(value), options);
    }

    /** Writes {@code newValue} only if the key's live value is exactly {@code expected}, at the client's default levels. */
    public CasResult compareAndSet(byte[] key, byte[] expected, byte[] newValue) {
        return await(compareAndSetAsync(key, expected, newValue, WriteOptions.defaults()));
    }

    /** {@link #compareAndSet(byte[], byte[], byte[])} with UTF-8 strings. */
    public CasResult compareAndSet(String key, String expected, String newValue) {
        return await(compareAndSetAsync(key, expected, newValue, WriteOptions.defaults()));
    }

    /** Writes {@code newValue} only if the key's live value is exactly {@code expected}, with per-request options (commit and serial levels, timeout, keyspace, TTL). */
    public CasResult compareAndSet(byte[] key, byte[] expected, byte[] newValue, WriteOptions options) {
        return await(compareAndSetAsync(key, expected, newValue, options));
    }

    /** {@link #compareAndSet(byte[], byte[], byte[], WriteOptions)} with UTF-8 strings. */
    public CasResult compareAndSet(String key, String expected, String newValue, WriteOptions options) {
        return await(compareAndSetAsync(key, expected, newValue, options));
    }

    /** Asynchronous {@link #compareAndSet(byte[], byte[], byte[])}. */
    public CompletableFuture<CasResult> compareAndSetAsync(byte[] key, byte[] expected, byte[] newValue) {
        return compareAndSetAsync(key, expected, newValue, WriteOptions.defaults());
    }

    /** Asynchronous {@link #compareAndSet(String, String, String)}. */
    public CompletableFuture<CasResult> compareAndSetAsync(String key, String expected, String newValue) {
        return compareAndSetAsync(key, expected, newValue, WriteOptions.defaults());
    }

    /** Asynchronous {@link #compareAndSet(byte[], byte[], byte[], WriteOptions)}. */
    public CompletableFuture<CasResult> compareAndSetAsync(byte[] key, byte[] expected, byte[] newValue, WriteOptions options) {
        return open().compareAndSet(Bytes.copyOf(key), Bytes.copyOf(expected), Bytes.copyOf(newValue), options);
    }

    /** Asynchronous {@link #compareAndSet(String, String, String, WriteOptions)}. */
    public CompletableFuture<CasResult> compareAndSetAsync(String key, String expected, String newValue, WriteOptions options) {
        return open().compareAndSet(Bytes.ofUtf8(key), Bytes.ofUtf8(expected), Bytes.ofUtf8(newValue), options);
    }

    /** Deletes the key only if its live value is exactly {@code expected}, at the client's default levels. */
    public CasResult deleteIf(byte[] key, byte[] expected) {
        return await(deleteIfAsync(key, expected, WriteOptions.defaults()));
    }

    /** {@link #deleteIf(byte[], byte[])} with UTF-8 strings. */
    public CasResult deleteIf(String key, String expected) {
        return await(deleteIfAsync(key, expected, WriteOptions.defaults()));
    }

    /** Deletes the key only if its live value is exactly {@code expected}, with per-request options (commit and serial levels, timeout, keyspace). */
    public CasResult deleteIf(byte[] key, byte[] expected, WriteOptions options) {
        return await(deleteIfAsync(key, expected, options));
    }

    /** {@link #deleteIf(byte[], byte[], WriteOptions)} with UTF-8 strings. */
    public CasResult deleteIf(String key, String expected, WriteOptions options) {
        return await(deleteIfAsync(key, expected, options));
    }

    /** Asynchronous {@link #deleteIf(byte[], byte[])}. */
    public CompletableFuture<CasResult> deleteIfAsync(byte[] key, byte[] expected) {
        return deleteIfAsync(key, expected, WriteOptions.defaults());
    }

    /** Asynchronous {@link #deleteIf(String, String)}. */
    public CompletableFuture<CasResult> deleteIfAsync(String key, String expected) {
        return deleteIfAsync(key, expected, WriteOptions.defaults());
    }

    /** Asynchronous {@link #deleteIf(byte[], byte[], WriteOptions)}. */
    public CompletableFuture<CasResult> deleteIfAsync(byte[] key, byte[] expected, WriteOptions options) {
        return open().deleteIf(Bytes.copyOf(key), Bytes.copyOf(expected), options);
    }

    /** Asynchronous {@link #deleteIf(String, String, WriteOptions)}. */
    public CompletableFuture<CasResult> deleteIfAsync(String key, String expected, WriteOptions options) {
        return open().deleteIf(Bytes.ofUtf8(key), Bytes.ofUtf8(expected), options);
    }

    /** Writes the value unconditionally through a Paxos round, ordered with the key's other serial operations; always applied, at the client's default levels. */
    public CasResult serialPut(byte[] key, byte[] value) {
        return await(serialPutAsync(key, value, WriteOptions.defaults()));
    }

    /** {@link #serialPut(byte[], byte[])} with UTF-8 strings. */
    public CasResult serialPut(String key, String value) {
        return await(serialPutAsync(key, value, WriteOptions.defaults()));
    }

    /** Writes the value unconditionally through a Paxos round, ordered with the key's other serial operations; always applied, with per-request options (commit and serial levels, timeout, keyspace, TTL). */
    public CasResult serialPut(byte[] key, byte[] value, WriteOptions options) {
        return await(serialPutAsync(key, value, options));
    }

    /** {@link #serialPut(byte[], byte[], WriteOptions)} with UTF-8 strings. */
    public CasResult serialPut(String key, String value, WriteOptions options) {
        return await(serialPutAsync(key, value, options));
    }

    /** Asynchronous {@link #serialPut(byte[], byte[])}. */
    public CompletableFuture<CasResult> serialPutAsync(byte[] key, byte[] value) {
        return serialPutAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #serialPut(String, String)}. */
    public CompletableFuture<CasResult> serialPutAsync(String key, String value) {
        return serialPutAsync(key, value, WriteOptions.defaults());
    }

    /** Asynchronous {@link #serialPut(byte[], byte[], WriteOptions)}. */
    public CompletableFuture<CasResult> serialPutAsync(byte[] key, byte[] value, WriteOptions options) {
        return open().serialPut(Bytes.copyOf(key), Bytes.copyOf(value), options);
    }

    /** Asynchronous {@link #serialPut(String, String, WriteOptions)}. */
    public CompletableFuture<CasResult> serialPutAsync(String key, String value, WriteOptions options) {
        return open().serialPut(Bytes.ofUtf8(key), Bytes.ofUtf8(value), options);
    }

    // ---- multiGet -------------------------------------------------------------------------------------

    /** Reads several keys in one request; one result per key, in the order asked. */
    public List<ReadResult> multiGet(List<byte[]> keys) {
        return await(multiGetAsync(keys, RequestOptions.defaults()));
    }

    /** Reads several keys with per-request options. */
    public List<ReadResult> multiGet(List<byte[]> keys, RequestOptions options) {
        return await(multiGetAsync(keys, options));
    }

    /** {@link #multiGet(List)} with UTF-8 keys (a separate name because both lists erase to {@code List}). */
    public List<ReadResult> multiGetStrings(List<String> keys) {
        return await(multiGetStringsAsync(keys, RequestOptions.defaults()));
    }

    /** Reads several UTF-8 keys with per-request options. */
    public List<ReadResult> multiGetStrings(List<String> keys, RequestOptions options) {
        return await(multiGetStringsAsync(keys, options));
    }

    /** Asynchronous {@link #multiGet(List)}. */
    public CompletableFuture<List<ReadResult>> multiGetAsync(List<byte[]> keys) {
        return multiGetAsync(keys, RequestOptions.defaults());
    }

    /** Asynchronous {@link #multiGet(List, RequestOptions)}. */
    public CompletableFuture<List<ReadResult>> multiGetAsync(List<byte[]> keys, RequestOptions options) {
        return open().multiGet(keys.stream().map(Bytes::copyOf).toList(), options);
    }

    /** Asynchronous {@link #multiGetStrings(List)}. */
    public CompletableFuture<List<ReadResult>> multiGetStringsAsync(List<String> keys) {
        return multiGetStringsAsync(keys, RequestOptions.defaults());
    }

    /** Asynchronous {@link #multiGetStrings(List, RequestOptions)}. */
    public CompletableFuture<List<ReadResult>> multiGetStringsAsync(List<String> keys, RequestOptions options) {
        return open().multiGet(keys.stream().map(Bytes::ofUtf8).toList(), options);
    }

    // ---- scan -----------------------------------------------------------------------------------------

    /**
     * Reads one page of at most {@code limit} live rows, in ring order.
     *
     * @param from where to continue ({@link ScanPage#pagingState()} of the previous page), or {@code null}
     *             to start at the beginning
     */
    public ScanPage scan(PagingState from, int limit) {
        return await(scanAsync(from, limit, RequestOptions.defaults()));
    }

    /** Reads one page with per-request options; see {@link #scan(PagingState, int)}. */
    public ScanPage scan(PagingState from, int limit, RequestOptions options) {
        return await(scanAsync(from, limit, options));
    }

    /** Asynchronous {@link #scan(PagingState, int)}. */
    public CompletableFuture<ScanPage> scanAsync(PagingState from, int limit) {
        return scanAsync(from, limit, RequestOptions.defaults());
    }

    /** Asynchronous {@link #scan(PagingState, int, RequestOptions)}. */
    public CompletableFuture<ScanPage> scanAsync(PagingState from, int limit, RequestOptions options) {
        return open().scan(from, limit, options);
    }

    /**
     * Every live row of the keyspace, fetched lazily {@code pageSize} rows at a time as the iteration goes
     * (each page is a synchronous request; its failure is thrown from {@code hasNext()}).
     */
    public Iterable<KeyValue> scanAll(int pageSize) {
        return scanAll(pageSize, RequestOptions.defaults());
    }

    /** {@link #scanAll(int)} with per-request options, used for every page. */
    public Iterable<KeyValue> scanAll(int pageSize, RequestOptions options) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one row, not " + pageSize);
        }
        open().keyspace(options.keyspace()); // fail now, not at the first hasNext()
        return () -> new ScanIterator(from -> scan(from, pageSize, options));
    }

    // ---- schema and topology -------------------------------------------------------------------------

    /**
     * Creates a keyspace with {@code replicationFactor} replicas placed by the simple strategy.
     *
     * @throws io.stratadb.client.exception.AlreadyExistsException if it exists
     */
    public boolean createKeyspace(String name, int replicationFactor) {
        return await(createKeyspaceAsync(name, new ReplicationSettings.Simple(replicationFactor), false,
                RequestOptions.defaults()));
    }

    /** Creates a keyspace with explicit replication (simple, or a factor per datacenter). */
    public boolean createKeyspace(String name, ReplicationSettings replication) {
        return await(createKeyspaceAsync(name, replication, false, RequestOptions.defaults()));
    }

    /** With {@code ifNotExists}, an existing keyspace is not an error: the result is then false. */
    public boolean createKeyspace(String name, ReplicationSettings replication, boolean ifNotExists,
                                  RequestOptions options) {
        return await(createKeyspaceAsync(name, replication, ifNotExists, options));
    }

    /** Asynchronous {@link #createKeyspace(String, int)}. */
    public CompletableFuture<Boolean> createKeyspaceAsync(String name, int replicationFactor) {
        return createKeyspaceAsync(name, new ReplicationSettings.Simple(replicationFactor), false,
                RequestOptions.defaults());
    }

    /** Asynchronous {@link #createKeyspace(String, ReplicationSettings)}. */
    public CompletableFuture<Boolean> createKeyspaceAsync(String name, ReplicationSettings replication) {
        return createKeyspaceAsync(name, replication, false, RequestOptions.defaults());
    }

    /** Asynchronous {@link #createKeyspace(String, ReplicationSettings, boolean, RequestOptions)}. */
    public CompletableFuture<Boolean> createKeyspaceAsync(String name, ReplicationSettings replication,
                                                          boolean ifNotExists, RequestOptions options) {
        return open().createKeyspace(name, replication, ifNotExists, options);
    }

    /**
     * Drops a keyspace and its data.
     *
     * @throws io.stratadb.client.exception.UnknownKeyspaceException if it does not exist
     */
    public boolean dropKeyspace(String name) {
        return await(dropKeyspaceAsync(name, false, RequestOptions.defaults()));
    }

    /** With {@code ifExists}, a missing keyspace is not an error: the result is then false. */
    public boolean dropKeyspace(String name, boolean ifExists, RequestOptions options) {
        return await(dropKeyspaceAsync(name, ifExists, options));
    }

    /** Asynchronous {@link #dropKeyspace(String)}. */
    public CompletableFuture<Boolean> dropKeyspaceAsync(String name) {
        return dropKeyspaceAsync(name, false, RequestOptions.defaults());
    }

    /** Asynchronous {@link #dropKeyspace(String, boolean, RequestOptions)}. */
    public CompletableFuture<Boolean> dropKeyspaceAsync(String name, boolean ifExists, RequestOptions options) {
        return open().dropKeyspace(name, ifExists, options);
    }

    /** The keyspaces and their replication. */
    public List<KeyspaceDefinition> keyspaces() {
        return await(keyspacesAsync(RequestOptions.defaults()));
    }

    /** {@link #keyspaces()} with per-request options (the timeout). */
    public List<KeyspaceDefinition> keyspaces(RequestOptions options) {
        return await(keyspacesAsync(options));
    }

    /** Asynchronous {@link #keyspaces()}. */
    public CompletableFuture<List<KeyspaceDefinition>> keyspacesAsync() {
        return keyspacesAsync(RequestOptions.defaults());
    }

    /** Asynchronous {@link #keyspaces(RequestOptions)}. */
    public CompletableFuture<List<KeyspaceDefinition>> keyspacesAsync(RequestOptions options) {
        return open().keyspaces(options);
    }

    /** The ring as the answering node sees it: partitioner, nodes with their tokens, keyspaces. */
    public TopologyResult topology() {
        return await(topologyAsync(RequestOptions.defaults()));
    }

    /** {@link #topology()} with per-request options (the timeout). */
    public TopologyResult topology(RequestOptions options) {
        return await(topologyAsync(options));
    }

    /** Asynchronous {@link #topology()}. */
    public CompletableFuture<TopologyResult> topologyAsync() {
        return topologyAsync(RequestOptions.defaults());
    }

    /** Asynchronous {@link #topology(RequestOptions)}. */
    public CompletableFuture<TopologyResult> topologyAsync(RequestOptions options) {
        return open().topology(options);
    }

    // ---- admin ----------------------------------------------------------------------------------------

    /**
     * Runs an admin command (docs/operations.md) on the node this request is sent to, and returns its JSON
     * answer (fields: docs/protocol.md, "Admin"). Which node that is follows the load-balancing policy, so
     * a tool asking one particular node builds a client with that node as its only contact point and a
     * {@link io.stratadb.client.routing.ContactPointsOnlyPolicy}, as {@code bin/strata-admin} does.
     */
    public AdminResult admin(String command, Map<String, String> arguments) {
        return await(adminAsync(command, arguments, RequestOptions.defaults()));
    }

    /** {@link #admin(String, Map)} with per-request options (the timeout: a major compaction takes long). */
    public AdminResult admin(String command, Map<String, String> arguments, RequestOptions options) {
        return await(adminAsync(command, arguments, options));
    }

    /** Asynchronous {@link #admin(String, Map)}. */
    public CompletableFuture<AdminResult> adminAsync(String command, Map<String, String> arguments) {
        return adminAsync(command, arguments, RequestOptions.defaults());
    }

    /** Asynchronous {@link #admin(String, Map, RequestOptions)}. */
    public CompletableFuture<AdminResult> adminAsync(String command, Map<String, String> arguments,
                                                     RequestOptions options) {
        return open().admin(new AdminRequest(command, arguments), options);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------

    /** The nodes this client is connected to right now. */
    public List<InetSocketAddress> connectedNodes() {
        return pools.all().stream().filter(NodePool::isConnected).map(p -> p.node().address()).toList();
    }

    /** What the client currently knows of the cluster; for tests and diagnostics. */
    ClusterView clusterView() {
        return monitor.view();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes every connection (requests still in flight fail with a {@link
     * io.stratadb.client.exception.ConnectionException}) and stops the client's threads. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        monitor.close();
        CompletableFuture<Void> closing = pools.closeAll();
        if (!resources.isIoThread()) {
            try {
                closing.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Best effort: shutting the event loops down closes whatever is left.
            }
        }
        resources.close();
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private RequestExecutor open() {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        return requests;
    }

    private <T> T await(CompletableFuture<T> future) {
        if (resources.isIoThread()) {
            throw new IllegalStateException("a synchronous call on a client I/O thread would deadlock; "
                    + "use the ...Async method in callbacks");
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
