package io.stratadb.client.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.handshake.HandshakeCompleted;
import io.stratadb.client.protocol.handshake.HandshakeNegotiator;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A local StrataDB server for driver tests, built from the protocol module's server-side handlers
 * ({@link ProtocolPipeline#addServerHandlers}) with an {@link InMemoryStore} behind them. Tests can make it
 * misbehave: stay silent, answer late, answer with something else, drop its connections, stop and start
 * again on the same port. Not a real node: the end-to-end tests against {@code StrataNode} live in the node
 * module.
 */
public final class FakeStrataServer implements AutoCloseable {
    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("fake-strata", true));
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<HandshakeCompleted> handshakes = new CopyOnWriteArrayList<>();
    private final AtomicInteger topologyRequests = new AtomicInteger();
    private volatile Function<Request, Response> responder = store::handle;
    private volatile Supplier<TopologyResult> topology = store::topology;
    private volatile boolean silent;
    private volatile long delayMillis;
    private Channel listener;
    private int port;

    private FakeStrataServer() {
    }

    /** Starts on a free port of 127.0.0.1. */
    public static FakeStrataServer start() {
        FakeStrataServer server = new FakeStrataServer();
        server.listen(0);
        return server;
    }

    private void listen(int port) {
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.incrementAndGet();
                        connections.add(ch);
                        ProtocolPipeline.addServerHandlers(ch.pipeline(), V1Codecs.registry(),
                                ProtocolLimits.DEFAULT_MAX_BODY_BYTES, HandshakeNegotiator.standard("fake-strata"));
                        ch.pipeline().addLast(new Answerer());
                    }
                })
                .bind("127.0.0.1", port).syncUninterruptibly().channel();
        this.port = ((InetSocketAddress) listener.localAddress()).getPort();
        store.setAddress(new InetSocketAddress("127.0.0.1", this.port));
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as a contact point. */
    public String contactPoint() {
        return "127.0.0.1:" + port;
    }

    public InMemoryStore store() {
        return store;
    }

    /** Connections accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /**
     * Requests received after the handshake, except TOPOLOGY: a client sends those on its own schedule, so
     * counting them would make every count depend on timing.
     */
    public int requestsReceived() {
        return requests.get();
    }

    /** TOPOLOGY requests received. */
    public int topologyRequestsReceived() {
        return topologyRequests.get();
    }

    public List<HandshakeCompleted> handshakes() {
        return handshakes;
    }

    /** When silent, requests are received and never answered. */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** Answers are sent this much after the request arrived. */
    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    /**
     * What TOPOLOGY is answered with; by default this server alone ({@link InMemoryStore#topology()}).
     * TOPOLOGY does not go through the {@linkplain #setResponder responder}, which models the data path.
     */
    public void setTopology(Supplier<TopologyResult> topology) {
        this.topology = topology;
    }

    /** Answers with this instead of the store; {@code null} restores the store. */
    public void setResponder(Function<Request, Response> responder) {
        this.responder = responder == null ? store::handle : responder;
    }

    /** Closes every client connection (the clients see their connections drop); keeps listening. */
    public void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    /** Stops listening and drops every connection, as a crashed node would. */
    public void stop() {
        listener.close().syncUninterruptibly();
        dropConnections();
    }

    /** Listens again on the same port after {@link #stop()}. */
    public void restart() {
        // The freed port can be held for a moment by a socket the client's reconnect attempt opened
        // (the kernel may pick it as an ephemeral local port); keep trying for a bounded time.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                listen(port);
                return;
            } catch (Exception e) { // Netty rethrows the checked BindException unchecked
                if (!(e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException)
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot listen again on port " + port, e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The request handler: answers each request on its stream, unless told otherwise. */
    private final class Answerer extends SimpleChannelInboundHandler<Envelope> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
            Request request = (Request) envelope.message();
            boolean isTopology = request instanceof TopologyRequest;
            (isTopology ? topologyRequests : requests).incrementAndGet();
            if (silent) {
                return;
            }
            Envelope answer = new Envelope(envelope.streamId(),
                    isTopology ? topology.get() : responder.apply(request));
            long delay = delayMillis;
            if (delay > 0) {
                ctx.executor().schedule(() -> ctx.writeAndFlush(answer), delay, TimeUnit.MILLISECONDS);
            } else {
                ctx.writeAndFlush(answer);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof HandshakeCompleted done) {
                handshakes.add(done);
            }
            ctx.fireUserEventTriggered(event);
        }
    }
}
