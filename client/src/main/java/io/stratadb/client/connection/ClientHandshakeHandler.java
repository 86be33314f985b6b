package io.stratadb.client.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.StrataExceptionFactory;
import io.stratadb.client.protocol.ProtocolVersion;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.codec.MessageCodec;
import io.stratadb.client.protocol.codec.PeerRole;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.handshake.HandshakeOptions;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Client side of the handshake: sends HELLO as soon as the channel is connected and waits for READY.
 * On READY it switches the message codec to the chosen version, installs LZ4 if the server chose it, removes
 * itself, and completes {@code done}; nothing else is written on the connection before that, because the
 * connection is handed out only once {@code done} completes. Any other outcome (an ERROR, the channel
 * closing, no answer within the timeout) fails {@code done} with a {@link ConnectionException} and closes
 * the channel.
 *
 * <p>HELLO travels on stream 0: nothing else is in flight yet, and an error the server cannot tie to a
 * frame, which it reports on stream 0, means the handshake failed anyway.
 */
public final class ClientHandshakeHandler extends ChannelInboundHandlerAdapter {
    static final int HANDSHAKE_STREAM = 0;

    private final Hello hello;
    private final boolean lz4Offered;
    private final CodecRegistry registry;
    private final int maxBodyBytes;
    private final InetSocketAddress address;
    private final long timeoutMillis;
    private final CompletableFuture<Ready> done;
    private ScheduledFuture<?> timeout;

    public ClientHandshakeHandler(Hello hello, CodecRegistry registry, int maxBodyBytes, InetSocketAddress address,
                                  long timeoutMillis, CompletableFuture<Ready> done) {
        this.hello = hello;
        this.lz4Offered = hello.options().getOrDefault(HandshakeOptions.COMPRESSION, "").contains(Compression.LZ4.wireName());
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
        this.address = address;
        this.timeoutMillis = timeoutMillis;
        this.done = done;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> fail(ctx, "no READY within " + timeoutMillis + " ms", null),
                timeoutMillis, TimeUnit.MILLISECONDS);
        ctx.writeAndFlush(new Envelope(HANDSHAKE_STREAM, hello)).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, "sending HELLO failed", f.cause());
            }
        });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Envelope envelope)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (envelope.message() instanceof Ready ready) {
            accept(ctx, ready);
        } else if (envelope.message() instanceof ErrorResponse error) {
            fail(ctx, "the server refused the handshake", StrataExceptionFactory.fromError(error));
        } else {
            fail(ctx, "expected READY, got " + envelope.message().opcode(), null);
        }
    }

    private void accept(ChannelHandlerContext ctx, Ready ready) {
        ProtocolVersion version = ProtocolVersion.fromCode(ready.version());
        if (version == null) {
            fail(ctx, "the server chose protocol version " + ready.version() + ", which this client does not speak",
                    null);
            return;
        }
        Compression compression = ready.compression();
        if (compression == Compression.LZ4 && !lz4Offered) {
            fail(ctx, "the server chose LZ4 compression, which this client did not offer", null);
            return;
        }
        if (version != ProtocolVersion.newest()) {
            ctx.pipeline().replace(ProtocolPipeline.MESSAGE_CODEC, ProtocolPipeline.MESSAGE_CODEC,
                    new MessageCodec(registry, PeerRole.CLIENT, version));
        }
        if (compression == Compression.LZ4) {
            ProtocolPipeline.enableCompression(ctx.pipeline(), maxBodyBytes);
        }
        cancelTimeout();
        ctx.pipeline().remove(this);
        done.complete(ready);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, "the connection closed during the handshake", null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, "the handshake failed", cause);
    }

    private void fail(ChannelHandlerContext ctx, String why, Throwable cause) {
        cancelTimeout();
        String message = "cannot connect to " + address + ": " + why
                + (cause == null ? "" : ": " + cause.getMessage());
        if (done.completeExceptionally(new ConnectionException(address, false, message, cause))) {
            ctx.close();
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
