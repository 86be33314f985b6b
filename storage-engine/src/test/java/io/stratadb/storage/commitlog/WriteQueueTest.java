package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WriteQueueTest {

    private static WriteRequest.Append append(int valueBytes) {
        Mutation m = new Mutation("t", new byte[1], Cell.value(new byte[valueBytes], 1));
        return new WriteRequest.Append(m, MutationCodec.encodedSize(m, 1), 1, null);
    }

    @Test
    void aFullQueueMakesProducersWaitUntilTheWriterTakesSomething() throws Exception {
        WriteQueue queue = new WriteQueue(2, Long.MAX_VALUE);
        assertTrue(queue.offer(append(1)));
        assertTrue(queue.offer(append(1)));
        AtomicBoolean third = new AtomicBoolean();
        Thread producer = new Thread(() -> third.set(queue.offer(append(1))));
        producer.start();

        assertNotNull(queue.poll());
        producer.join();

        assertTrue(third.get());
        assertNotNull(queue.poll());
        assertNotNull(queue.poll());
        assertNull(queue.poll());
    }

    @Test
    void theByteBudgetHoldsProducersBackUntilBytesAreReleased() throws Exception {
        WriteRequest.Append big = append(1000);
        WriteQueue queue = new WriteQueue(1024, 10);
        assertTrue(queue.offer(big), "the first entry fits however large");
        AtomicBoolean second = new AtomicBoolean();
        Thread producer = new Thread(() -> second.set(queue.offer(append(1))));
        producer.start();

        assertSame(big, queue.poll());
        queue.release(big.queuedBytes());
        producer.join();

        assertTrue(second.get());
    }

    @Test
    void afterCloseOffersAreRefused() {
        WriteQueue queue = new WriteQueue(4, Long.MAX_VALUE);
        queue.close();
        assertTrue(queue.isClosed());
        assertFalse(queue.offer(new WriteRequest.Roll(new CompletableFuture<>())));
        assertNull(queue.poll());
    }

    @Test
    void aParkedWriterIsWokenByAnOffer() throws Exception {
        WriteQueue queue = new WriteQueue(4, Long.MAX_VALUE);
        AtomicBoolean got = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (queue.isEmpty()) {
                queue.parkConsumer(0);
            }
            got.set(queue.poll() != null);
        });
        queue.setConsumer(writer);
        writer.start();
        CommitLogTestSupport.awaitTrue(() -> writer.getState() == Thread.State.WAITING, "the writer parks");

        queue.offer(append(1));
        writer.join();

        assertTrue(got.get());
    }
}
