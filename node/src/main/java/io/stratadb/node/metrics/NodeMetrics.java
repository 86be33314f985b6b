package io.stratadb.node.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Opcode;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The client-facing metrics of one node, in the node's own registry (never a global one, so three nodes
 * in one JVM keep theirs apart). The storage engine registers its own metrics in the same registry.
 *
 * <p>Timers use the lock-free reservoir: the default one takes a lock on every update, which every event
 * loop would contend on. Timers and meters are created up front, so the request path does a map lookup
 * by enum and no string work.
 */
public final class NodeMetrics {

    private final MetricRegistry registry;
    private final Map<Opcode, Timer> requests = new EnumMap<>(Opcode.class);
    private final Map<ErrorCode, Meter> errors = new EnumMap<>(ErrorCode.class);

    public NodeMetrics(MetricRegistry registry) {
        this.registry = registry;
        for (Opcode op : Opcode.values()) {
            if (!op.isResponse() && op != Opcode.HELLO) {
                String name = "client.request." + op.name().toLowerCase(Locale.ROOT).replace('_', '-');
                requests.put(op, registry.timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build())));
            }
        }
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, registry.meter("client.error." + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    /** Records a finished request of kind {@code op} (its time from arrival to answer). */
    public void requestFinished(Opcode op, long nanos) {
        Timer t = requests.get(op);
        if (t != null) {
            t.update(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts an ERROR answer with this code (including those sent for undecodable frames). */
    public void error(ErrorCode code) {
        errors.get(code).mark();
    }

    /** Registers the gauges read from the transport and stages. */
    public void bindGauges(IntSupplier openConnections, IntSupplier inFlight, IntSupplier readQueue) {
        gauge("client.connections.open", openConnections);
        gauge("client.requests.in-flight", inFlight);
        gauge("stage.read.queued", readQueue);
    }

    private void gauge(String name, IntSupplier value) {
        registry.gauge(name, () -> (Gauge<Integer>) value::getAsInt);
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** Every metric of the node (client, storage, compaction, commit log), as plain numbers. */
    public MetricsSnapshot snapshot() {
        return MetricsSnapshot.of(registry);
    }
}
