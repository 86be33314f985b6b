package io.stratadb.client.protocol.frame;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/** An allocator that fails the test if anyone asks it for more than {@code cap} bytes at once. */
final class CappedAllocator extends AbstractByteBufAllocator {
    private final int cap;
    private int largestRequest;

    CappedAllocator(int cap) {
        super(false);
        this.cap = cap;
    }

    int largestRequest() {
        return largestRequest;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return allocate(initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return allocate(initialCapacity, maxCapacity);
    }

    private ByteBuf allocate(int initialCapacity, int maxCapacity) {
        largestRequest = Math.max(largestRequest, initialCapacity);
        if (initialCapacity > cap) {
            throw new AssertionError("allocation of " + initialCapacity + " bytes");
        }
        return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }
}
