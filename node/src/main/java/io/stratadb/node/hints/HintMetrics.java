package io.stratadb.node.hints;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

import java.util.function.LongSupplier;

/**
 * The hint counters, in the node's own registry: {@code hints.stored} (acknowledged as durable),
 * {@code hints.replayed} (acknowledged by the target), {@code hints.expired} (dropped at replay for being
 * older than the hint window), {@code hints.corrupt} (corrupt files or tails skipped) and the
 * {@code hints.pending} gauge (acknowledged, not yet delivered or dropped, over all targets).
 */
final class HintMetrics {

    final Meter stored;
    final Meter replayed;
    final Meter expired;
    final Meter corrupt;

    HintMetrics(MetricRegistry registry, LongSupplier pending) {
        stored = registry.meter("hints.stored");
        replayed = registry.meter("hints.replayed");
        expired = registry.meter("hints.expired");
        corrupt = registry.meter("hints.corrupt");
        registry.gauge("hints.pending", () -> (Gauge<Long>) pending::getAsLong);
    }
}
