package io.stratadb.client.testing;

import io.stratadb.client.time.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} the test moves by hand. */
public final class ManualTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanos() {
        return nanos.get();
    }

    public void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
