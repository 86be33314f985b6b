package io.stratadb.node.concurrent;

import io.netty.util.concurrent.FastThreadLocalThread;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the node creates threads (the rule that keeps {@code new Thread} out of the rest of the
 * code). Threads are named {@code <node>-<purpose>-<n>} so a thread dump of a JVM running three nodes
 * says which node and stage each belongs to, and are daemons so a node that a test forgot to close never
 * keeps the JVM alive ({@code close()} still stops them properly). They are Netty's
 * {@link FastThreadLocalThread}s, which make Netty's pooled allocator and recyclers cheaper on them.
 */
public final class NodeThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public NodeThreadFactory(String nodeName, String purpose) {
        this.prefix = nodeName + "-" + purpose;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new FastThreadLocalThread(task, prefix + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
