package io.stratadb.storage;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the engine creates threads: named (so a thread dump says what each is for) and
 * daemon (so a forgotten engine never keeps a JVM alive; close() still stops them properly).
 */
public final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
