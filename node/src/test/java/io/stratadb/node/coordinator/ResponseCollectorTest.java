package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.error.TimeoutDetails;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCollectorTest {

    /** A timer the test fires by hand. */
    static final class ManualTimer implements RequestTimer {
        final List<Runnable> tasks = new ArrayList<>();
        int cancelled;

        @Override
        public Timeout schedule(Runnable task, long delayMillis) {
            tasks.add(task);
            return () -> cancelled++;
        }

        void fire() {
            tasks.forEach(Runnable::run);
        }

        @Override
        public void close() {
        }
    }

    private final ManualTimer timer = new ManualTimer();

    private ResponseCollector<String> collector(int blockFor, int contacted) {
        return new ResponseCollector<>(blockFor, contacted, timer, 100,
                received -> RequestException.timeout(ConsistencyLevel.QUORUM, TimeoutKind.WRITE, received, blockFor));
    }

    @Test
    void completesWithTheFirstBlockForAnswers() {
        ResponseCollector<String> c = collector(2, 3);
        c.accept("a", null);
        assertFalse(c.result().isDone());
        c.accept(null, new RuntimeException("one replica failed"));
        assertFalse(c.result().isDone(), "two may still answer");
        c.accept("b", null);
        assertEquals(List.of("a", "b"), c.result().join());
        assertEquals(1, timer.cancelled);
        c.accept("late", null);
        timer.fire();
        assertEquals(List.of("a", "b"), c.result().join(), "late answers and timeouts change nothing");
    }

    @Test
    void nullAnswersCount() {
        ResponseCollector<String> c = collector(1, 1);
        c.accept(null, null);
        assertEquals(Arrays.asList((String) null), c.result().join());
    }

    @Test
    void failsOnceBlockForIsOutOfReach() {
        ResponseCollector<String> c = collector(2, 3);
        RuntimeException first = new RuntimeException("first");
        c.accept(null, first);
        c.accept("a", null);
        c.accept(null, new RuntimeException("second"));
        CompletionException e = assertThrows(CompletionException.class, () -> c.result().join());
        assertSame(first, e.getCause());
    }

    @Test
    void timesOutWithHowManyAnswered() {
        ResponseCollector<String> c = collector(2, 3);
        c.accept("a", null);
        timer.fire();
        CompletionException e = assertThrows(CompletionException.class, () -> c.result().join());
        RequestException re = (RequestException) e.getCause();
        assertEquals(new TimeoutDetails(ConsistencyLevel.QUORUM, TimeoutKind.WRITE, 1, 2), re.response().details());
        assertTrue(c.result().isCompletedExceptionally());
    }
}
