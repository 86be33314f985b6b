package io.stratadb.client;

import io.stratadb.client.connection.ConnectionSettings;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.retry.DefaultRetryPolicy;
import io.stratadb.client.retry.RetryPolicy;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.RoundRobinPolicy;
import io.stratadb.client.routing.TokenAwarePolicy;
import io.stratadb.client.time.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for a {@link StrataClient}, with their defaults in one place. Obtain one from {@link
 * StrataClient#builder()}; {@link #build()} connects.
 */
public final class StrataClientBuilder {
    /** The port nodes serve clients on unless configured otherwise. */
    public static final int DEFAULT_PORT = 9470;
    public static final ConsistencyLevel DEFAULT_CONSISTENCY = ConsistencyLevel.ONE;
    /** The Paxos level of serial writes that do not set one: a majority of all replicas. */
    public static final ConsistencyLevel DEFAULT_SERIAL_CONSISTENCY = ConsistencyLevel.SERIAL;
    /** Longer than a server's own replica timeouts, so that its TIMEOUT answer, with counts, comes first. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_CONNECTIONS_PER_HOST = 1;
    public static final int DEFAULT_MAX_REQUESTS_PER_CONNECTION = 1024;
    public static final Duration DEFAULT_RECONNECT_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(60);
    /** Often enough to notice joins and leaves soon, rarely enough to cost nothing (one small request per 10 s). */
    public static final Duration DEFAULT_TOPOLOGY_REFRESH_INTERVAL = Duration.ofSeconds(10);
    /**
     * Least time between the starts of two topology fetches, which bounds the prompt ones (unknown
     * keyspace, failed node) when many requests or nodes prompt them at once.
     */
    public static final Duration MIN_TOPOLOGY_FETCH_INTERVAL = Duration.ofSeconds(1);
    static final String CLIENT_NAME = "strata-java/0.1";

    private final Set<InetSocketAddress> contactPoints = new LinkedHashSet<>();
    private ConsistencyLevel defaultConsistency = DEFAULT_CONSISTENCY;
    private ConsistencyLevel defaultSerialConsistency = DEFAULT_SERIAL_CONSISTENCY;
    private String defaultKeyspace;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private boolean compression;
    private int connectionsPerHost = DEFAULT_CONNECTIONS_PER_HOST;
    private int maxRequestsPerConnection = DEFAULT_MAX_REQUESTS_PER_CONNECTION;
    private Duration reconnectBaseDelay = DEFAULT_RECONNECT_BASE_DELAY;
    private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;
    private int ioThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
    private int maxFrameBytes = ProtocolLimits.DEFAULT_MAX_BODY_BYTES;
    private LoadBalancingPolicy loadBalancingPolicy;
    private String localDatacenter;
    private RetryPolicy retryPolicy = new DefaultRetryPolicy();
    private Duration topologyRefreshInterval = DEFAULT_TOPOLOGY_REFRESH_INTERVAL;
    private Ticker ticker = Ticker.system();
    private boolean nativeTransport = true;

    StrataClientBuilder() {
    }

    /**
     * Nodes to connect to, as {@code host}, {@code host:port}, or {@code [ipv6]:port}; the port defaults to
     * {@value #DEFAULT_PORT}. Names are resolved now. They are where the client starts: once connected it
     * learns every node from the topology and connects to them too (and drops contact points the topology
     * does not list).
     */
    public StrataClientBuilder contactPoints(String... hostAndPorts) {
        return contactPoints(List.of(hostAndPorts));
    }

    /** See {@link #contactPoints(String...)}. */
    public StrataClientBuilder contactPoints(Collection<String> hostAndPorts) {
        for (String hostAndPort : hostAndPorts) {
            contactPoints.add(parseAddress(hostAndPort));
        }
        return this;
    }

    /** A node to connect to, as a resolved address. */
    public StrataClientBuilder contactPoint(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + address.getHostString());
        }
        contactPoints.add(address);
        return this;
    }

    /** Level for requests that do not set one; default {@link ConsistencyLevel#ONE}. */
    public StrataClientBuilder defaultConsistency(ConsistencyLevel consistency) {
        this.defaultConsistency = Objects.requireNonNull(consistency, "consistency");
        return this;
    }

    /**
     * Paxos level for serial writes ({@code compareAndSet} and the like) that do not set one: {@link
     * ConsistencyLevel#SERIAL} (default) or {@link ConsistencyLevel#LOCAL_SERIAL}. Their commit level is the
     * {@link #defaultConsistency}.
     */
    public StrataClientBuilder defaultSerialConsistency(ConsistencyLevel serialConsistency) {
        Objects.requireNonNull(serialConsistency, "serialConsistency");
        if (!serialConsistency.isSerial()) {
            throw new IllegalArgumentException("a serial consistency is SERIAL or LOCAL_SERIAL, not " + serialConsistency);
        }
        this.defaultSerialConsistency = serialConsistency;
        return this;
    }

    /** Keyspace for data requests that do not name one; without it, each data request must. */
    public StrataClientBuilder defaultKeyspace(String keyspace) {
        this.defaultKeyspace = Objects.requireNonNull(keyspace, "keyspace");
        return this;
    }

    /** How long to wait for an answer, unless a request says otherwise; default 5 s. */
    public StrataClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = RequestOptions.checkTimeout(timeout);
        return this;
    }

    /** Bound on the TCP connect and, separately, on the handshake; default 5 s. */
    public StrataClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = RequestOptions.checkTimeout(timeout);
        return this;
    }

    /** Offer LZ4 compression of frame bodies (the server decides); default off. Pays off for large values. */
    public StrataClientBuilder compression(boolean lz4) {
        this.compression = lz4;
        return this;
    }

    /** Connections kept open to each node; default 1, which multiplexing makes enough for most loads. */
    public StrataClientBuilder connectionsPerHost(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection per host, not " + connections);
        }
        this.connectionsPerHost = connections;
        return this;
    }

    /**
     * Requests in flight on one connection; default 1024, at most 32,768. When every connection to every
     * node is full the request fails at once with {@code NoNodeAvailableException} (whose {@code allBusy()}
     * is true); the client never queues requests itself.
     */
    public StrataClientBuilder maxRequestsPerConnection(int max) {
        if (max < 1 || max > ConnectionSettings.MAX_REQUESTS_PER_CONNECTION) {
            throw new IllegalArgumentException("maxRequestsPerConnection must be 1 to "
                    + ConnectionSettings.MAX_REQUESTS_PER_CONNECTION + ", not " + max);
        }
        this.maxRequestsPerConnection = max;
        return this;
    }

    /** Reconnection backoff: the first retry after {@code base}, doubling per failure up to {@code max}. */
    public StrataClientBuilder reconnectionDelay(Duration base, Duration max) {
        if (RequestOptions.checkTimeout(base).compareTo(RequestOptions.checkTimeout(max)) > 0) {
            throw new IllegalArgumentException("base delay " + base + " exceeds max " + max);
        }
        this.reconnectBaseDelay = base;
        this.reconnectMaxDelay = max;
        return this;
    }

    /** Event loop threads for the client's connections; default min(4, processors). */
    public StrataClientBuilder ioThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one I/O thread, not " + threads);
        }
        this.ioThreads = threads;
        return this;
    }

    /** The largest frame body accepted from a server; default 16 MiB, the protocol's default. */
    public StrataClientBuilder maxFrameBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes too small: " + bytes);
        }
        this.maxFrameBytes = bytes;
        return this;
    }

    /**
     * Use Linux's native epoll transport when {@code netty-transport-native-epoll} is on the classpath and
     * works on this machine (default true); NIO otherwise, or when false.
     */
    public StrataClientBuilder nativeTransport(boolean preferNative) {
        this.nativeTransport = preferNative;
        return this;
    }

    /**
     * Which nodes each request goes to; default a {@link TokenAwarePolicy} over a {@link RoundRobinPolicy}
     * (with the {@link #localDatacenter} if set). The client calls {@code init} on it when it is built, and
     * {@code onClusterChange} after each topology fetch.
     */
    public StrataClientBuilder loadBalancingPolicy(LoadBalancingPolicy policy) {
        this.loadBalancingPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * The datacenter this application runs in: the default policy sends requests to replicas there first,
     * and to other nodes there before remote ones. Ignored when {@link #loadBalancingPolicy} is set.
     */
    public StrataClientBuilder localDatacenter(String datacenter) {
        this.localDatacenter = Objects.requireNonNull(datacenter, "datacenter");
        return this;
    }

    /**
     * Whether a request that failed on one node is sent to the next; default {@link DefaultRetryPolicy}
     * (reads and idempotent writes, once, after transient failures). {@link RetryPolicy#never()} turns
     * retries off.
     */
    public StrataClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * How often the client fetches the topology to notice nodes joining, leaving, going down, and schema
     * changes made by others; default 10 s. It also fetches it promptly when it needs to.
     */
    public StrataClientBuilder topologyRefreshInterval(Duration interval) {
        this.topologyRefreshInterval = RequestOptions.checkTimeout(interval);
        return this;
    }

    /** The time source of deadlines and backoffs; tests pass one they drive by hand. */
    StrataClientBuilder ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        return this;
    }

    /**
     * Creates the client and connects to the contact points, waiting until at least one node has completed
     * the handshake.
     *
     * @throws io.stratadb.client.exception.NoNodeAvailableException if no contact point could be reached
     */
    public StrataClient build() {
        if (contactPoints.isEmpty()) {
            throw new IllegalStateException("no contact points");
        }
        return StrataClient.connect(this);
    }

    List<InetSocketAddress> contactPointList() {
        return new ArrayList<>(contactPoints);
    }

    ConsistencyLevel defaultConsistency() {
        return defaultConsistency;
    }

    ConsistencyLevel defaultSerialConsistency() {
        return defaultSerialConsistency;
    }

    String defaultKeyspace() {
        return defaultKeyspace;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    int connectionsPerHost() {
        return connectionsPerHost;
    }

    Duration reconnectBaseDelay() {
        return reconnectBaseDelay;
    }

    Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    int ioThreads() {
        return ioThreads;
    }

    boolean nativeTransport() {
        return nativeTransport;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    LoadBalancingPolicy loadBalancingPolicy() {
        return loadBalancingPolicy != null ? loadBalancingPolicy
                : new TokenAwarePolicy(new RoundRobinPolicy(), localDatacenter);
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    Duration topologyRefreshInterval() {
        return topologyRefreshInterval;
    }

    /** The prompt-fetch bound, never longer than the periodic interval. */
    Duration minTopologyFetchInterval() {
        return topologyRefreshInterval.compareTo(MIN_TOPOLOGY_FETCH_INTERVAL) < 0 ? topologyRefreshInterval
                : MIN_TOPOLOGY_FETCH_INTERVAL;
    }

    Ticker ticker() {
        return ticker;
    }

    ConnectionSettings connectionSettings() {
        return new ConnectionSettings(CLIENT_NAME, compression, maxFrameBytes, connectTimeout,
                maxRequestsPerConnection, ConnectionSettings.defaultMaxOrphans(maxRequestsPerConnection));
    }

    /** {@code host}, {@code host:port} or {@code [ipv6]:port}, resolved. */
    static InetSocketAddress parseAddress(String hostAndPort) {
        String s = hostAndPort.trim();
        String host = s;
        int port = DEFAULT_PORT;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in address " + hostAndPort);
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("bad address " + hostAndPort);
                }
                port = parsePort(rest.substring(1), hostAndPort);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = parsePort(s.substring(s.indexOf(':') + 1), hostAndPort);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in address " + hostAndPort);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host " + host);
        }
        return address;
    }

    private static int parsePort(String port, String address) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in address " + address);
        }
    }
}
