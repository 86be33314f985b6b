package io.stratadb.node.messaging;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-verb counters in the node's own registry: {@code messaging.<verb>.sent|received|dropped}, plus
 * timeouts and late responses. Created up front so the message path does an enum lookup, no string work.
 */
public final class MessagingMetrics {

    private final Map<Verb, Counter> sent = new EnumMap<>(Verb.class);
    private final Map<Verb, Counter> received = new EnumMap<>(Verb.class);
    private final Map<Verb, Counter> dropped = new EnumMap<>(Verb.class);
    private final Counter timeouts;
    private final Counter lateResponses;

    public MessagingMetrics(MetricRegistry registry) {
        for (Verb v : Verb.values()) {
            String base = "messaging." + v.name().toLowerCase(Locale.ROOT).replace('_', '-');
            sent.put(v, registry.counter(base + ".sent"));
            received.put(v, registry.counter(base + ".received"));
            dropped.put(v, registry.counter(base + ".dropped"));
        }
        timeouts = registry.counter("messaging.timeouts");
        lateResponses = registry.counter("messaging.late-responses");
    }

    void sent(Verb v) {
        sent.get(v).inc();
    }

    void received(Verb v) {
        received.get(v).inc();
    }

    void dropped(Verb v) {
        dropped.get(v).inc();
    }

    void timeout() {
        timeouts.inc();
    }

    void lateResponse() {
        lateResponses.inc();
    }

    public long sentCount(Verb v) {
        return sent.get(v).getCount();
    }

    public long receivedCount(Verb v) {
        return received.get(v).getCount();
    }

    public long droppedCount(Verb v) {
        return dropped.get(v).getCount();
    }

    public long timeoutCount() {
        return timeouts.getCount();
    }

    public long lateResponseCount() {
        return lateResponses.getCount();
    }
}
