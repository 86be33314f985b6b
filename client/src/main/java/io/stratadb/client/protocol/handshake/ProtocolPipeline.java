package io.stratadb.client.protocol.handshake;

import io.netty.channel.ChannelPipeline;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.codec.MessageCodec;
import io.stratadb.client.protocol.codec.PeerRole;
import io.stratadb.client.protocol.frame.FrameCompressor;
import io.stratadb.client.protocol.frame.FrameDecoder;
import io.stratadb.client.protocol.frame.FrameDecompressor;
import io.stratadb.client.protocol.frame.FrameEncoder;
import io.stratadb.client.protocol.frame.Lz4BodyCompression;

/**
 * Assembles the standard protocol handlers, in one place so the server, the client and the tests build the
 * same stack. Head to tail: frame decoder, frame encoder, [decompressor, compressor], message codec,
 * [server: handshake, protocol-error responder]. Request handling is added after these by the caller.
 */
public final class ProtocolPipeline {
    public static final String FRAME_DECODER = "strata-frame-decoder";
    public static final String FRAME_ENCODER = "strata-frame-encoder";
    public static final String DECOMPRESSOR = "strata-decompressor";
    public static final String COMPRESSOR = "strata-compressor";
    public static final String MESSAGE_CODEC = "strata-message-codec";
    public static final String HANDSHAKE = "strata-handshake";
    public static final String ERROR_RESPONDER = "strata-error-responder";

    private ProtocolPipeline() {
    }

    public static void addServerHandlers(ChannelPipeline pipeline, CodecRegistry registry, int maxBodyBytes,
                                         HandshakeNegotiator negotiator) {
        addFraming(pipeline, registry, PeerRole.SERVER, maxBodyBytes);
        pipeline.addLast(HANDSHAKE, new ServerHandshakeHandler(negotiator, maxBodyBytes));
        pipeline.addLast(ERROR_RESPONDER, new ProtocolErrorResponder());
    }

    /** The client's stack; the client calls {@link #enableCompression} when READY chose LZ4. */
    public static void addClientHandlers(ChannelPipeline pipeline, CodecRegistry registry, int maxBodyBytes) {
        addFraming(pipeline, registry, PeerRole.CLIENT, maxBodyBytes);
    }

    /** Installs LZ4 on both directions; call from the event loop right after READY was written or read. */
    public static void enableCompression(ChannelPipeline pipeline, int maxBodyBytes) {
        Lz4BodyCompression lz4 = new Lz4BodyCompression(maxBodyBytes);
        pipeline.addBefore(MESSAGE_CODEC, DECOMPRESSOR, new FrameDecompressor(lz4));
        pipeline.addBefore(MESSAGE_CODEC, COMPRESSOR, new FrameCompressor(lz4));
    }

    private static void addFraming(ChannelPipeline pipeline, CodecRegistry registry, PeerRole role, int maxBodyBytes) {
        pipeline.addLast(FRAME_DECODER, new FrameDecoder(maxBodyBytes));
        pipeline.addLast(FRAME_ENCODER, new FrameEncoder());
        pipeline.addLast(MESSAGE_CODEC, new MessageCodec(registry, role));
    }
}
