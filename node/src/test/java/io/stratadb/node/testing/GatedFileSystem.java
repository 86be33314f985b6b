package io.stratadb.node.testing;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import io.stratadb.storage.io.WritableFile;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real file system, except that while the gate is shut, fsyncs of commit-log files wait for it to
 * open: writes then stay in flight for as long as a test needs (in-flight bounds, timeouts, graceful
 * shutdown) without sleeps or timing luck.
 *
 * <p>Built as a dynamic proxy over {@link FileSystem} and {@link WritableFile} so that it delegates
 * every method, including ones the storage engine adds to those interfaces later.
 */
public final class GatedFileSystem {

    private final FileSystem delegate = new LocalFileSystem();
    private final FileSystem gated = proxy(FileSystem.class, delegate, this::onFileSystemCall);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();

    /** The file system to give the node. */
    public FileSystem fileSystem() {
        return gated;
    }

    public void shut() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** Fsyncs currently held at the gate. */
    public int waiting() {
        return waiting.get();
    }

    private Object onFileSystemCall(Method method, Object[] args) throws Throwable {
        Object result = invoke(delegate, method, args);
        if (result instanceof WritableFile file && args != null && args.length > 0 && args[0] instanceof Path path) {
            return proxy(WritableFile.class, file, (m, a) -> {
                if (m.getName().equals("sync")) {
                    pass(path);
                }
                return invoke(file, m, a);
            });
        }
        return result;
    }

    private void pass(Path path) throws IOException {
        if (!path.toString().contains("commitlog")) {
            return;
        }
        CountDownLatch g = gate;
        waiting.incrementAndGet();
        try {
            if (!g.await(60, TimeUnit.SECONDS)) {
                throw new IOException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted at the test gate", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(target, method, args);
            }
            return call.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
