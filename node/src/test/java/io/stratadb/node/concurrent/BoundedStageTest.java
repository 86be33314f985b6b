package io.stratadb.node.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedStageTest {

    @Test
    void aFullQueueFailsAtOnceAndSkipsNothingElse() throws Exception {
        BoundedStage stage = new BoundedStage("test", 1, 1, new NodeThreadFactory("t", "stage"));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> busy = stage.submit(() -> {
                running.countDown();
                await(release);
                return 1;
            });
            assertTrue(running.await(10, TimeUnit.SECONDS));
            CompletableFuture<Integer> queued = stage.submit(() -> 2);
            CompletableFuture<Integer> refused = stage.submit(() -> 3);
            CompletionException e = assertThrows(CompletionException.class, refused::join);
            assertInstanceOf(BoundedStage.StageFullException.class, e.getCause());
            release.countDown();
            assertEquals(1, busy.get(10, TimeUnit.SECONDS));
            assertEquals(2, queued.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            stage.shutdown(10_000);
        }
    }

    @Test
    void workWhoseAnswerIsNoLongerWantedIsSkipped() throws Exception {
        BoundedStage stage = new BoundedStage("test", 1, 4, new NodeThreadFactory("t", "stage"));
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        try {
            CompletableFuture<Integer> busy = stage.submit(() -> {
                await(release);
                return 1;
            });
            CompletableFuture<Integer> timedOut = stage.submit(() -> {
                ran.set(true);
                return 2;
            });
            timedOut.completeExceptionally(new RuntimeException("timed out"));
            release.countDown();
            busy.get(10, TimeUnit.SECONDS);
            assertEquals(3, stage.submit(() -> 3).get(10, TimeUnit.SECONDS));
            assertFalse(ran.get());
        } finally {
            stage.shutdown(10_000);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
