package io.stratadb.client.leaks;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test class: collect garbage, then allocate a few buffers, because Netty only looks for
 * collected-but-unreleased buffers when it tracks a new one; any leak recorded fails the class.
 * Registered for every test by service loading (junit-platform.properties enables autodetection).
 */
public final class LeakCheckExtension implements AfterAllCallback {
    private static final int ROUNDS = 3;

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < ROUNDS; i++) {
            System.gc();
            Thread.sleep(20);
            ByteBufAllocator.DEFAULT.buffer(8).release();
            ByteBufAllocator.DEFAULT.directBuffer(8).release();
            ByteBufAllocator.DEFAULT.heapBuffer(8).release();
            Unpooled.buffer(8).release();
        }
        List<String> leaks = RecordingLeakDetector.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) detected after "
                    + context.getDisplayName() + " (or a class before it):\n" + String.join("\n\n", leaks));
        }
    }
}
