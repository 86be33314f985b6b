package io.stratadb.node;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.cluster.LocalIdentity;
import io.stratadb.node.cluster.LocalIdentityStore;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.concurrent.WheelRequestTimer;
import io.stratadb.node.config.ConfigException;
import io.stratadb.node.config.NodeConfig;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.LocalReplicaAccess;
import io.stratadb.node.coordinator.MonotonicTimestampSource;
import io.stratadb.node.coordinator.ReplicaCoordinator;
import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.metrics.MetricsSnapshot;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.schema.SchemaStore;
import io.stratadb.node.service.CreateKeyspaceHandler;
import io.stratadb.node.service.DeleteHandler;
import io.stratadb.node.service.DropKeyspaceHandler;
import io.stratadb.node.service.GetHandler;
import io.stratadb.node.service.ListKeyspacesHandler;
import io.stratadb.node.service.MultiGetHandler;
import io.stratadb.node.service.PutHandler;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.node.service.ScanHandler;
import io.stratadb.node.service.TopologyHandler;
import io.stratadb.node.transport.ClientServer;
import io.stratadb.node.transport.InFlightLimiter;
import io.stratadb.storage.Clock;
import io.stratadb.storage.engine.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One StrataDB node: an object built from its configuration, so a test can run three in one JVM. Nothing
 * here is static; every thread, timer, registry and file it uses belongs to this instance and is released
 * by {@link #close()}.
 *
 * <p>Start-up order: storage (replays the commit log), identity (host id, tokens), schema, stages, then
 * the client server, which binds first and accepts only when everything else is ready. Shutdown is the
 * reverse, graceful: stop accepting, refuse new requests on open connections (OVERLOADED, so clients
 * retry elsewhere) and let running ones finish up to {@code shutdown_timeout_ms}, close connections,
 * stop the stages, then close storage, which flushes memtables and closes the commit log.
 */
public final class StrataNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StrataNode.class);
    private static final int SCHEMA_QUEUE = 64;
    private static final long STAGE_SHUTDOWN_MILLIS = 10_000;

    private final NodeConfig config;
    private final NodeEnvironment environment;
    private final CountDownLatch terminated = new CountDownLatch(1);

    private enum State { NEW, STARTING, RUNNING, CLOSED }

    private State state = State.NEW;
    private StorageEngine storage;
    private LocalIdentity identity;
    private SchemaStore schema;
    private ClusterState cluster;
    private BoundedStage readStage;
    private BoundedStage schemaStage;
    private RequestTimer timer;
    private InFlightLimiter limiter;
    private NodeMetrics metrics;
    private ClientServer server;
    private Coordinator coordinator;
    private volatile InetSocketAddress clientAddress;

    public StrataNode(NodeConfig config) {
        this(config, NodeEnvironment.system());
    }

    public StrataNode(NodeConfig config, NodeEnvironment environment) {
        this.config = config;
        this.environment = environment;
    }

    /**
     * Opens storage, loads identity and schema, and starts serving clients. Throws (after releasing what
     * it had opened) if any step fails: a {@link ConfigException} when the configuration contradicts the
     * data directory, a storage exception when the data cannot be opened.
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("node already " + state.name().toLowerCase());
        }
        state = State.STARTING;
        try {
            doStart();
            state = State.RUNNING;
        } catch (RuntimeException | InterruptedException e) {
            log.error("Start-up failed: {}", e.toString());
            closeResources();
            state = State.CLOSED;
            terminated.countDown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during start-up", e);
            }
            throw (RuntimeException) e;
        }
    }

    private void doStart() throws InterruptedException {
        logSettings();
        Clock clock = environment.clock();
        MetricRegistry registry = new MetricRegistry();
        storage = StorageEngine.open(config.storageConfig(), environment.fileSystem(), clock, registry);
        TimestampSource timestamps = new MonotonicTimestampSource(clock);
        identity = new LocalIdentityStore(storage, timestamps).loadOrCreate(config.clusterName(), config.numTokens(),
                config.datacenter(), config.rack(), TokenRing.empty());
        schema = SchemaStore.load(storage, timestamps, clock);
        schema.dropOrphanTables();

        String name = "node-" + identity.hostId().substring(0, 8);
        readStage = new BoundedStage("read", config.concurrentReads(), config.readQueueSize(),
                new NodeThreadFactory(name, "read"));
        schemaStage = new BoundedStage("schema", 1, SCHEMA_QUEUE, new NodeThreadFactory(name, "schema"));
        timer = new WheelRequestTimer(new NodeThreadFactory(name, "timeouts"));
        limiter = new InFlightLimiter(config.maxInFlightTotal(), clock);
        metrics = new NodeMetrics(registry);

        InetAddress advertised = advertisedAddress();
        cluster = new ClusterState(ClusterView.alone(localNode(advertised, config.clientPort()), identity.tokens()));
        coordinator = new ReplicaCoordinator(cluster, schema::current,
                new LocalReplicaAccess(identity.hostId(), storage, readStage), timer, config.readTimeoutMs(),
                config.writeTimeoutMs());
        RequestHandlers handlers = new RequestHandlers(List.of(
                new GetHandler(coordinator, clock),
                new PutHandler(coordinator, timestamps, clock, config.maxValueSizeBytes()),
                new DeleteHandler(coordinator, timestamps, clock),
                new MultiGetHandler(coordinator, clock, config.maxFrameSizeBytes()),
                new ScanHandler(coordinator, config.maxScanPageRows(), config.maxFrameSizeBytes()),
                new CreateKeyspaceHandler(schema, schemaStage),
                new DropKeyspaceHandler(schema, schemaStage),
                new ListKeyspacesHandler(schema),
                new TopologyHandler(cluster, schema),
                new io.stratadb.node.service.AdminHandler(new io.stratadb.node.admin.NodeAdmin(io.stratadb.node.admin.AdminSources.alone(cluster, storage, schema::current, identity.hostId(), clock.currentTimeMicros(), clock)), schemaStage.asExecutor())));

        server = new ClientServer(new ClientServer.Settings(config.listenAddress(), config.clientPort(),
                config.maxFrameSizeBytes(), config.clientEventLoopThreads(), config.useEpoll(),
                config.maxInFlightPerConnection(), "strata-node/" + version()), name, handlers, limiter, metrics, clock);
        InetSocketAddress bound = server.bind();
        clientAddress = bound;
        // The ring must advertise the port actually bound (0 in tests) before the first client asks.
        NodeInfo self = localNode(advertised, bound.getPort());
        cluster.update(view -> ClusterView.alone(self, identity.tokens()));
        metrics.bindGauges(server::openConnections, limiter::inFlight, readStage::queued);
        server.startAccepting();
        log.info("StrataDB node {} ready: clients on {}, {} tokens, datacenter {}, rack {}, {} keyspace(s), schema {}",
                identity.hostId(), bound, identity.tokens().size(), config.datacenter(), config.rack(),
                schema.current().keyspaces().size(), schema.current().version());
    }

    private NodeInfo localNode(InetAddress address, int port) {
        return new NodeInfo(identity.hostId(), new InetSocketAddress(address, port), config.datacenter(), config.rack());
    }

    /** The address clients are told to use: broadcast_address, else listen_address; never a wildcard. */
    private InetAddress advertisedAddress() {
        String host = config.broadcastAddress();
        String key = config.broadcastAddressSetting() != null ? "broadcast_address" : "listen_address";
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException(key, "cannot resolve '" + host + "'");
        }
        if (address.isAnyLocalAddress()) {
            throw new ConfigException("broadcast_address", "must be set to a concrete address when listen_address is "
                    + "the wildcard " + host + ": clients need an address to connect to");
        }
        return address;
    }

    private void logSettings() {
        StringBuilder sb = new StringBuilder("Effective configuration:");
        for (Map.Entry<String, String> e : config.effectiveSettings().entrySet()) {
            sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue());
        }
        log.info(sb.toString());
    }

    /** Stops the node gracefully (see the class comment). Idempotent; safe from a shutdown hook. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED || state == State.NEW) {
                state = State.CLOSED;
                terminated.countDown();
                return;
            }
            state = State.CLOSED;
        }
        log.info("Shutting down: no longer accepting clients");
        try {
            closeResources();
        } finally {
            terminated.countDown();
            log.info("Node stopped");
        }
    }

    private void closeResources() {
        try {
            if (server != null) {
                server.stopAccepting();
                int left = drain();
                if (left > 0) {
                    log.warn("{} request(s) still running after shutdown_timeout_ms {}; closing connections anyway",
                            left, config.shutdownTimeoutMs());
                }
                server.closeConnections(2_000);
                server.close();
            }
        } finally {
            try {
                if (timer != null) {
                    timer.close();
                }
                if (readStage != null) {
                    readStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
                if (schemaStage != null) {
                    schemaStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
            } finally {
                if (storage != null) {
                    storage.close();
                }
            }
        }
    }

    private int drain() {
        try {
            return limiter.drain(config.shutdownTimeoutMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return limiter.inFlight();
        }
    }

    /** Blocks until the node has been closed (or failed to start). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    public NodeConfig config() {
        return config;
    }

    /** The address the client server is bound to (the real port when configured as 0); null before start. */
    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    public String hostId() {
        return requireStarted().hostId();
    }

    public List<Long> tokens() {
        return requireStarted().tokens();
    }

    public ClusterView clusterView() {
        requireStarted();
        return cluster.view();
    }

    public Schema schema() {
        requireStarted();
        return schema.current();
    }

    /** The coordinator requests go through; for admin tools and the cluster work. */
    public Coordinator coordinator() {
        requireStarted();
        return coordinator;
    }

    /** The node's registry: client metrics and the storage engine's. */
    public MetricRegistry metricRegistry() {
        requireStarted();
        return metrics.registry();
    }

    public MetricsSnapshot metricsSnapshot() {
        requireStarted();
        return metrics.snapshot();
    }

    private LocalIdentity requireStarted() {
        LocalIdentity id = identity;
        if (id == null || metrics == null) {
            throw new IllegalStateException("node not started");
        }
        return id;
    }

    static String version() {
        String v = StrataNode.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
