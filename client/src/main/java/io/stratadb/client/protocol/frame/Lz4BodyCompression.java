package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.FrameTooLargeException;
import io.stratadb.client.protocol.ProtocolException;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 block compression of one frame body: {@code u32 uncompressed length} then the LZ4 block
 * (docs/protocol.md, "Compression").
 *
 * <p>Decompression uses lz4-java's safe decompressor, bounded by the length prefix, and the prefix is
 * checked against the receiver's body limit first: a hostile prefix cannot make us allocate more than
 * the limit, and a block that would expand past its prefix is rejected instead of overrunning.
 */
public final class Lz4BodyCompression {
    public static final int LENGTH_PREFIX_BYTES = 4;

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;
    private final int maxBodyBytes;

    public Lz4BodyCompression(int maxBodyBytes) {
        LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Compresses the readable bytes of {@code body} (not consumed). Returns {@code null} when the result
     * would not be smaller, so the caller sends the body uncompressed.
     */
    public ByteBuf compress(ByteBufAllocator alloc, ByteBuf body) {
        int srcLength = body.readableBytes();
        int maxLength = compressor.maxCompressedLength(srcLength);
        ByteBuf out = alloc.buffer(LENGTH_PREFIX_BYTES + maxLength);
        try {
            out.writeInt(srcLength);
            ByteBuffer src = body.nioBuffer(body.readerIndex(), srcLength);
            ByteBuffer dst = out.internalNioBuffer(LENGTH_PREFIX_BYTES, maxLength);
            int written = compressor.compress(src, src.position(), srcLength, dst, dst.position(), maxLength);
            if (LENGTH_PREFIX_BYTES + written >= srcLength) {
                out.release();
                return null;
            }
            out.writerIndex(LENGTH_PREFIX_BYTES + written);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Decompresses a compressed body (not consumed) into a new buffer of exactly the prefixed length. */
    public ByteBuf decompress(ByteBufAllocator alloc, ByteBuf compressed, int streamId) {
        if (compressed.readableBytes() < LENGTH_PREFIX_BYTES) {
            throw corrupt(streamId, "compressed body shorter than its length prefix", null);
        }
        long length = compressed.getUnsignedInt(compressed.readerIndex());
        if (length > maxBodyBytes) {
            // The frame itself was consumed whole, so the connection stays in sync: not fatal.
            throw new FrameTooLargeException(streamId, length, maxBodyBytes, false);
        }
        int dstLength = (int) length;
        int srcLength = compressed.readableBytes() - LENGTH_PREFIX_BYTES;
        ByteBuf out = alloc.buffer(dstLength);
        try {
            ByteBuffer src = compressed.nioBuffer(compressed.readerIndex() + LENGTH_PREFIX_BYTES, srcLength);
            ByteBuffer dst = out.internalNioBuffer(0, dstLength);
            int produced;
            try {
                produced = decompressor.decompress(src, src.position(), srcLength, dst, dst.position(), dstLength);
            } catch (LZ4Exception e) {
                throw corrupt(streamId, "corrupt LZ4 body: " + e.getMessage(), e);
            }
            if (produced != dstLength) {
                throw corrupt(streamId, "LZ4 body decompressed to " + produced + " bytes, prefix said " + dstLength,
                        null);
            }
            out.writerIndex(dstLength);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private static ProtocolException corrupt(int streamId, String message, Throwable cause) {
        return new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, false, message, cause);
    }
}
