package io.stratadb.node.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.message.error.ErrorResponse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small blocking client speaking the real protocol over a real socket, for tests. Encoding and decoding
 * are the client module's own handlers (frame encoder/decoder, message codec, LZ4) run in an
 * {@link EmbeddedChannel}; only the socket is plain, so a test can also send exactly the bytes it means
 * (garbage, forged headers, truncated frames). One thread per client.
 */
public final class ProtocolClient implements Closeable {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EmbeddedChannel codec;
    private final byte[] readBuffer = new byte[64 * 1024];
    private int nextStream = 1;

    private ProtocolClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(address, TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        codec = new EmbeddedChannel();
        ProtocolPipeline.addClientHandlers(codec.pipeline(), V1Codecs.registry(), ProtocolLimits.DEFAULT_MAX_BODY_BYTES);
    }

    /** Connects and completes the handshake (no compression). */
    public static ProtocolClient connect(InetSocketAddress address) throws IOException {
        return connect(address, List.of());
    }

    public static ProtocolClient connect(InetSocketAddress address, List<Compression> compression) throws IOException {
        ProtocolClient c = new ProtocolClient(address);
        Ready ready = c.hello(Hello.of("node-tests", compression));
        if (ready.compression() == Compression.LZ4) {
            ProtocolPipeline.enableCompression(c.codec.pipeline(), ProtocolLimits.DEFAULT_MAX_BODY_BYTES);
        }
        return c;
    }

    /** Connects without a handshake, for tests of what the server does before one. */
    public static ProtocolClient connectRaw(InetSocketAddress address) throws IOException {
        return new ProtocolClient(address);
    }

    public Ready hello(Hello hello) throws IOException {
        Response r = call(hello);
        if (!(r instanceof Ready ready)) {
            throw new AssertionError("expected READY, got " + r);
        }
        return ready;
    }

    /** Sends a request on the next stream id without waiting; returns the stream id. */
    public int send(Request request) throws IOException {
        int stream = nextStream;
        nextStream = nextStream == 0xFFFF ? 1 : nextStream + 1;
        send(stream, request);
        return stream;
    }

    public void send(int stream, Request request) throws IOException {
        codec.writeOutbound(new Envelope(stream, request));
        ByteBuf part;
        while ((part = codec.readOutbound()) != null) {
            try {
                byte[] bytes = new byte[part.readableBytes()];
                part.readBytes(bytes);
                out.write(bytes);
            } finally {
                part.release();
            }
        }
        out.flush();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next answer from the server, or null once the server closed the connection. */
    public Envelope receive() throws IOException {
        while (true) {
            Envelope e = codec.readInbound();
            if (e != null) {
                return e;
            }
            int n;
            try {
                n = in.read(readBuffer);
            } catch (SocketException closed) {
                return null;
            } catch (SocketTimeoutException e2) {
                throw new AssertionError("no answer from the server within " + TIMEOUT_MILLIS + " ms");
            }
            if (n < 0) {
                return null;
            }
            codec.writeInbound(Unpooled.copiedBuffer(readBuffer, 0, n));
        }
    }

    /** Sends and waits for the answer on the same stream. */
    public Response call(Request request) throws IOException {
        int stream = send(request);
        Envelope e = receive();
        assertNotNull(e, "connection closed while waiting for the answer to " + request.opcode());
        assertEquals(stream, e.streamId(), "answer on another stream");
        return (Response) e.message();
    }

    /** Sends and expects a successful answer of this type. */
    public <T extends Response> T expect(Request request, Class<T> type) throws IOException {
        Response r = call(request);
        if (r instanceof ErrorResponse err) {
            fail(request.opcode() + " failed: " + err.code() + " " + err.message());
        }
        return type.cast(r);
    }

    /** Sends and expects an ERROR with this code. */
    public ErrorResponse expectError(Request request, ErrorCode code) throws IOException {
        Response r = call(request);
        if (!(r instanceof ErrorResponse err)) {
            throw new AssertionError("expected " + code + " for " + request.opcode() + ", got " + r);
        }
        assertEquals(code, err.code(), err.message());
        return err;
    }

    /** Reads until the server closes the connection; true if it did (answers before it are discarded). */
    public boolean awaitClosedByServer() throws IOException {
        while (true) {
            Envelope e = receive();
            if (e == null) {
                return true;
            }
        }
    }

    /** Shuts down our sending side only (what a client that dies mid-frame looks like to the server). */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        try {
            socket.close();
        } finally {
            codec.finishAndReleaseAll();
        }
    }
}
