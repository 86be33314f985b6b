package io.stratadb.node;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.gossip.GossipConfig;
import io.stratadb.gossip.fd.FailureDetectorSettings;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.node.cluster.GossipMembership;
import io.stratadb.node.cluster.GossipService;
import io.stratadb.node.cluster.SchemaSync;
import io.stratadb.node.cluster.TokensText;
import io.stratadb.node.coordinator.MessagingReplicaAccess;
import io.stratadb.node.hints.HintExecutors;
import io.stratadb.node.hints.HintSender;
import io.stratadb.node.hints.HintService;
import io.stratadb.node.hints.HintStore;
import io.stratadb.node.hints.HintStoreOptions;
import io.stratadb.node.hints.HintWindow;
import io.stratadb.node.hints.Pacer;
import io.stratadb.node.hints.RateLimit;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.node.messaging.NettyMessagingService;
import io.stratadb.node.messaging.NettyMessagingSettings;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.payload.HintPayload;
import io.stratadb.node.messaging.payload.MutationPayload;
import io.stratadb.node.paxos.BallotGenerator;
import io.stratadb.node.paxos.PaxosCoordinator;
import io.stratadb.node.paxos.PaxosReplica;
import io.stratadb.node.paxos.ProposerConfig;
import io.stratadb.node.paxos.StoragePaxosDataTable;
import io.stratadb.node.paxos.StoragePaxosStateStore;
import io.stratadb.node.replica.MutationVerbHandler;
import io.stratadb.node.replica.PaxosVerbHandlers;
import io.stratadb.node.replica.RangeReadVerbHandler;
import io.stratadb.node.replica.ReadVerbHandler;
import io.stratadb.node.time.HybridLogicalClock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import io.stratadb.node.coordinator.ReplicaCoordinator;
import io.stratadb.node.metrics.MetricsSnapshot;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.admin.AdminSources;
import io.stratadb.node.admin.NodeAdmin;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.schema.SchemaStore;
import io.stratadb.node.service.AdminHandler;
import io.stratadb.node.service.CreateKeyspaceHandler;
import io.stratadb.node.service.DeleteHandler;
import io.stratadb.node.service.DropKeyspaceHandler;
import io.stratadb.node.service.GetHandler;
import io.stratadb.node.service.ListKeyspacesHandler;
import io.stratadb.node.service.MultiGetHandler;
import io.stratadb.node.service.PutHandler;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.node.service.ScanHandler;
import io.stratadb.node.service.SerialWriteHandler;
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
    private static final int ADMIN_QUEUE = 16;
    /** Acceptor steps block on their group commit: many threads let one fsync cover many steps. */
    private static final int PAXOS_THREADS = 32;
    private static final int PAXOS_QUEUE = 4096;
    /** A Paxos round that has no quorum after this long is retried (the whole operation has write_timeout_ms). */
    private static final long PAXOS_ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int PAXOS_MAX_ATTEMPTS = 10;
    private static final long PAXOS_BACKOFF_BASE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long PAXOS_BACKOFF_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long STAGE_SHUTDOWN_MILLIS = 10_000;
    private static final int INTERNODE_HANDLER_THREADS = 4;
    private static final int INTERNODE_HANDLER_QUEUE = 4096;
    private static final long HINT_CHECK_SECONDS = 10;

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
    private BoundedStage adminStage;
    private BoundedStage paxosStage;
    private RequestTimer timer;
    private InFlightLimiter limiter;
    private NodeMetrics metrics;
    private ClientServer server;
    private Coordinator coordinator;
    private ThreadPoolExecutor internodeHandlers;
    private MessagingService messaging;
    private GossipMembership membership;
    /** Read by admin requests on event loops; set before the server accepts, so volatile for them. */
    private volatile GossipService gossip;
    private HintStore hints;
    private HintService hintService;
    private ExecutorService hintFlush;
    private ExecutorService hintReplay;
    private ScheduledExecutorService clusterTasks;
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
        HybridLogicalClock timestamps = new HybridLogicalClock(clock);
        LocalIdentityStore identities = new LocalIdentityStore(storage, timestamps);
        identity = identities.load(config.clusterName(), config.numTokens());
        String hostId = identity != null ? identity.hostId() : UUID.randomUUID().toString();
        schema = SchemaStore.load(storage, timestamps, clock);
        schema.dropOrphanTables();

        String name = "node-" + hostId.substring(0, 8);
        readStage = new BoundedStage("read", config.concurrentReads(), config.readQueueSize(),
                new NodeThreadFactory(name, "read"));
        schemaStage = new BoundedStage("schema", 1, SCHEMA_QUEUE, new NodeThreadFactory(name, "schema"));
        // Flush and major compaction may take minutes: their own thread, so schema changes never wait on them.
        adminStage = new BoundedStage("admin", 1, ADMIN_QUEUE, new NodeThreadFactory(name, "admin"));
        // Acceptor steps sync their state to disk before answering: never on a network thread.
        paxosStage = new BoundedStage("paxos", PAXOS_THREADS, PAXOS_QUEUE, new NodeThreadFactory(name, "paxos"));
        timer = new WheelRequestTimer(new NodeThreadFactory(name, "timeouts"));
        limiter = new InFlightLimiter(config.maxInFlightTotal(), clock);
        metrics = new NodeMetrics(registry);
        InetAddress advertised = advertisedAddress();

        // Internode messaging first: its bound port is this node's identity in gossip.
        internodeHandlers = new ThreadPoolExecutor(INTERNODE_HANDLER_THREADS, INTERNODE_HANDLER_THREADS, 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(INTERNODE_HANDLER_QUEUE),
                new NodeThreadFactory(name, "internode-handler"));
        NettyMessagingService netty = new NettyMessagingService(NettyMessagingSettings.defaults(name,
                advertised.getHostAddress(), config.internodePort()), environment.messageFilter(), registry,
                internodeHandlers, timer);
        messaging = netty;
        cluster = new ClusterState(ClusterView.alone(localNode(advertised, config.clientPort(), hostId),
                identity != null ? identity.tokens() : List.of()));
        LocalReplicaAccess local = new LocalReplicaAccess(hostId, storage, readStage);
        SchemaSync schemaSync = new SchemaSync(schema, messaging, schemaStage);
        schemaSync.install();
        messaging.registerHandler(Verb.MUTATION, MutationVerbHandler.forMutations(local, timestamps, schema::current,
                schemaSync::pullFrom));
        messaging.registerHandler(Verb.HINT, MutationVerbHandler.forHints(local, timestamps, schema::current,
                schemaSync::pullFrom));
        messaging.registerHandler(Verb.READ, new ReadVerbHandler(local));
        messaging.registerHandler(Verb.RANGE_READ, new RangeReadVerbHandler(local));
        PaxosReplica acceptor = new PaxosReplica(new StoragePaxosStateStore(storage, clock::currentTimeMicros),
                new StoragePaxosDataTable(storage));
        new PaxosVerbHandlers(acceptor, paxosStage, schema::current, schemaSync::pullFrom).register(messaging);
        messaging.start();
        Endpoint internode = new Endpoint(advertised.getHostAddress(), netty.boundAddress().getPort());

        hints = openHints(name, clock, registry);
        Duration writeTimeout = Duration.ofMillis(config.writeTimeoutMs());
        HintService hintService = new HintService(hints, new HintWindow(config.maxHintWindowMs()),
                config.hintedHandoffEnabled(), clock, cluster, hintSender(writeTimeout),
                new RateLimit(clock, config.hintedHandoffThrottleKb() * 1024L));
        this.hintService = hintService;
        coordinator = new ReplicaCoordinator(cluster, schema::current, new MessagingReplicaAccess(cluster, local,
                messaging, timestamps, Duration.ofMillis(config.readTimeoutMs()), writeTimeout), hintService, timer,
                clock, config.readTimeoutMs(), config.writeTimeoutMs());
        UUID hostUuid = UUID.fromString(hostId);
        PaxosCoordinator paxos = new PaxosCoordinator(cluster, schema::current, acceptor, hostId, paxosStage, messaging,
                new BallotGenerator(timestamps::nextTimestampMicros,
                        hostUuid.getMostSignificantBits() ^ hostUuid.getLeastSignificantBits()),
                timer, clock, new ProposerConfig(TimeUnit.MILLISECONDS.toNanos(config.writeTimeoutMs()),
                        PAXOS_ROUND_NANOS, PAXOS_MAX_ATTEMPTS, PAXOS_BACKOFF_BASE_NANOS, PAXOS_BACKOFF_MAX_NANOS, 0),
                new SplittableRandom());
        int maxValue = config.maxValueSizeBytes();
        RequestHandlers handlers = new RequestHandlers(List.of(
                new GetHandler(coordinator, paxos, clock),
                SerialWriteHandler.putIfAbsent(paxos, maxValue),
                SerialWriteHandler.cas(paxos, maxValue),
                SerialWriteHandler.deleteIf(paxos),
                SerialWriteHandler.serialPut(paxos, maxValue),
                new PutHandler(coordinator, timestamps, clock, config.maxValueSizeBytes()),
                new DeleteHandler(coordinator, timestamps, clock),
                new MultiGetHandler(coordinator, clock, config.maxFrameSizeBytes()),
                new ScanHandler(coordinator, config.maxScanPageRows(), config.maxFrameSizeBytes()),
                new CreateKeyspaceHandler(schema, schemaStage),
                new DropKeyspaceHandler(schema, schemaStage),
                new ListKeyspacesHandler(schema),
                new TopologyHandler(cluster, schema),
                new AdminHandler(new NodeAdmin(new AdminSources(cluster, storage, schema::current,
                        () -> gossip == null ? Map.of() : gossip.gossiper().endpointStates(),
                        e -> gossip == null ? 0.0 : gossip.gossiper().phi(e), hintService::pendingByTarget,
                        hostId, clock.currentTimeMicros(), clock)), adminStage.asExecutor())));

        server = new ClientServer(new ClientServer.Settings(config.listenAddress(), config.clientPort(),
                config.maxFrameSizeBytes(), config.clientEventLoopThreads(), config.useEpoll(),
                config.maxInFlightPerConnection(), "strata-node/" + version()), name, handlers, limiter, metrics, clock);
        InetSocketAddress bound = server.bind();
        clientAddress = bound;
        NodeInfo self = localNode(advertised, bound.getPort(), hostId);

        // Gossip: announce who we are; a new node learns the ring before it picks its tokens.
        GossipConfig gossipConfig = GossipConfig.builder(config.clusterName(), internode)
                .seeds(seeds())
                .gossipInterval(Duration.ofMillis(config.gossipIntervalMs()))
                .failureDetector(FailureDetectorSettings.defaults(Duration.ofMillis(config.gossipIntervalMs()))
                        .withPhiConvictThreshold(config.phiConvictThreshold()))
                .build();
        membership = new GossipMembership(cluster, self, identity != null ? identity.tokens() : List.of(), internode,
                clock);
        gossip = new GossipService(gossipConfig, messaging, clock, this::loadBytes, new NodeThreadFactory(name, "gossip"));
        gossip.register(membership);
        gossip.register(schemaSync);
        gossip.register(hintService);
        schemaSync.attach(gossip.gossiper());
        Map<ApplicationState, String> states = new EnumMap<>(ApplicationState.class);
        states.put(ApplicationState.HOST_ID, hostId);
        states.put(ApplicationState.CLIENT_ADDRESS, new Endpoint(advertised.getHostAddress(), bound.getPort()).toString());
        states.put(ApplicationState.DATACENTER, config.datacenter());
        states.put(ApplicationState.RACK, config.rack());
        states.put(ApplicationState.RELEASE_VERSION, version());
        states.put(ApplicationState.SCHEMA_VERSION, schemaSync.localVersion());
        states.put(ApplicationState.LOAD, Long.toString(loadBytes()));
        if (identity != null) {
            states.put(ApplicationState.TOKENS, TokensText.encode(identity.tokens()));
            states.put(ApplicationState.STATUS, StatusValue.of(NodeStatus.NORMAL).encode());
        } else {
            states.put(ApplicationState.STATUS, StatusValue.of(NodeStatus.JOINING).encode());
        }
        gossip.start(identities.nextGeneration(clock.currentTimeMicros() / 1000), states);
        if (identity == null) {
            identity = identities.create(hostId, config.clusterName(), config.numTokens(), config.datacenter(),
                    config.rack(), learnRing(gossipConfig, internode));
            membership.setLocalTokens(identity.tokens());
            gossip.gossiper().updateLocalStates(Map.of(ApplicationState.TOKENS, TokensText.encode(identity.tokens()),
                    ApplicationState.STATUS, StatusValue.of(NodeStatus.NORMAL).encode()));
        } else {
            // A restarted node that served clients before hearing from its peers would see a ring of itself
            // alone: CL ONE reads from its possibly stale copy only, hints and repairs going nowhere.
            awaitPeers(gossipConfig, internode);
        }
        clusterTasks = Executors.newSingleThreadScheduledExecutor(new NodeThreadFactory(name, "cluster-tasks"));
        clusterTasks.scheduleWithFixedDelay(this::replayHints, HINT_CHECK_SECONDS, HINT_CHECK_SECONDS, TimeUnit.SECONDS);

        metrics.bindGauges(server::openConnections, limiter::inFlight, readStage::queued);
        server.startAccepting();
        log.info("StrataDB node {} ready: clients on {}, internode on {}, {} tokens, datacenter {}, rack {}, "
                + "{} keyspace(s), schema {}", identity.hostId(), bound, internode, identity.tokens().size(),
                config.datacenter(), config.rack(), schema.current().keyspaces().size(), schema.current().version());
    }

    /**
     * A new node waits until it has heard from a seed (up to {@code ring_delay_ms}), then a few gossip rounds
     * more so the rest of the ring arrives, and returns the ring of the peers that own tokens. A seed with
     * no other seed to ask starts at once: it is the first node of its cluster.
     */
    private TokenRing learnRing(GossipConfig gossipConfig, Endpoint self) throws InterruptedException {
        if (!awaitPeers(gossipConfig, self)) {
            return membership.peerRing();
        }
        TokenRing ring = membership.peerRing();
        log.info("Learnt a ring of {} node(s) from gossip; allocating tokens against it", ring.nodes().size());
        return ring;
    }

    /**
     * Waits until gossip brought word of a peer (at most {@code ring_delay_ms}) and three rounds more for
     * the rest of the ring; returns whether a peer was heard from. Returns at once for a node with no
     * other seed: it is the first node of its cluster.
     */
    private boolean awaitPeers(GossipConfig gossipConfig, Endpoint self) throws InterruptedException {
        boolean otherSeeds = gossipConfig.seeds().stream().anyMatch(s -> !s.equals(self));
        if (!otherSeeds || config.ringDelayMs() == 0) {
            return false;
        }
        long interval = config.gossipIntervalMs();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.ringDelayMs());
        while (membership.knownPeers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(interval, 50));
        }
        if (membership.knownPeers() == 0) {
            log.warn("Heard from no seed within ring_delay_ms {}; going on with the ring this node knows",
                    config.ringDelayMs());
            return false;
        }
        Thread.sleep(3 * interval); // the seed's ACK brought what it knows; let stragglers' states arrive too
        return true;
    }

    private Set<Endpoint> seeds() {
        Set<Endpoint> out = new HashSet<>();
        for (String s : config.seeds()) {
            // A seed without a port uses this node's internode_port (bracket IPv6 literals: [::1]:9471).
            String text = s.indexOf(':') < 0 ? s + ":" + config.internodePort() : s;
            try {
                Endpoint e = Endpoint.parse(text);
                out.add(new Endpoint(InetAddress.getByName(e.host()).getHostAddress(), e.port()));
            } catch (IllegalArgumentException | UnknownHostException e) {
                throw new ConfigException("seeds", "cannot use '" + s + "': " + e.getMessage());
            }
        }
        return out;
    }

    private HintStore openHints(String name, Clock clock, MetricRegistry registry) {
        hintFlush = Executors.newSingleThreadExecutor(new NodeThreadFactory(name, "hint-flush"));
        hintReplay = Executors.newCachedThreadPool(new NodeThreadFactory(name, "hint-replay"));
        try {
            return HintStore.open(environment.fileSystem(), config.dataDirectory(), clock,
                    HintStoreOptions.defaults().withWindow(new HintWindow(config.maxHintWindowMs())),
                    new HintExecutors(hintFlush, hintReplay, Pacer.parking()), registry);
        } catch (IOException e) {
            throw new StorageException("cannot open the hint store under " + config.dataDirectory(), e);
        }
    }

    /** Delivers a hint as a HINT request to the target's current internode address. */
    private HintSender hintSender(Duration timeout) {
        AtomicLong ids = new AtomicLong();
        return (targetHostId, hint) -> {
            Endpoint to = cluster.view().internodeById().get(targetHostId);
            if (to == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("no address known for " + targetHostId));
            }
            Mutation m = hint.mutation();
            HintPayload payload = new HintPayload(ids.incrementAndGet(), new MutationPayload(m.table(), m.key(), m.cell()));
            return messaging.request(to, Message.of(Verb.HINT, payload), timeout).thenApply(r -> null);
        };
    }

    private void replayHints() {
        try {
            hintService.replayPending();
        } catch (RuntimeException e) {
            log.warn("Hint replay check failed", e);
        }
    }

    private long loadBytes() {
        return storage.metrics().loadBytes();
    }

    private NodeInfo localNode(InetAddress address, int port, String hostId) {
        return new NodeInfo(hostId, new InetSocketAddress(address, port), config.datacenter(), config.rack());
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
            }
            // Tell peers before going quiet, so they stop sending here at once instead of timing out.
            closeQuietly(gossip);
            if (clusterTasks != null) {
                clusterTasks.shutdownNow();
            }
            if (server != null) {
                server.closeConnections(2_000);
                server.close();
            }
        } finally {
            try {
                closeQuietly(messaging);
                closeQuietly(hints);
                shutdownQuietly(hintReplay);
                shutdownQuietly(hintFlush);
                shutdownQuietly(internodeHandlers);
                if (timer != null) {
                    timer.close();
                }
                if (readStage != null) {
                    readStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
                if (schemaStage != null) {
                    schemaStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
                if (adminStage != null) {
                    adminStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
                if (paxosStage != null) {
                    paxosStage.shutdown(STAGE_SHUTDOWN_MILLIS);
                }
            } finally {
                if (storage != null) {
                    storage.close();
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }

    private static void shutdownQuietly(ExecutorService e) {
        if (e == null) {
            return;
        }
        e.shutdownNow();
        try {
            e.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
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

    /** This node's gossip (membership, liveness, endpoint states); for admin tools and tests. */
    public io.stratadb.gossip.Gossiper gossiper() {
        requireStarted();
        return gossip.gossiper();
    }

    /** The internode endpoint this node gossips as (its bound internode port). */
    public Endpoint internodeEndpoint() {
        requireStarted();
        return gossip.gossiper().localEndpoint();
    }

    /** Pending hints per target host id. */
    public Map<String, Long> pendingHints() {
        requireStarted();
        return hintService.pendingByTarget();
    }

    /** The storage engine (admin flush and compaction; tests). */
    public StorageEngine storage() {
        requireStarted();
        return storage;
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
