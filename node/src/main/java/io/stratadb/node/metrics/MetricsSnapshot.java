package io.stratadb.node.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A point-in-time copy of a registry as plain numbers, for the admin tool and tests: per metric name a
 * small map of fields. Counters and gauges have {@code value}; meters {@code count} and
 * {@code rate_1m} (per second); timers also {@code mean_us}, {@code p50_us}, {@code p99_us},
 * {@code max_us}.
 */
public record MetricsSnapshot(SortedMap<String, Map<String, Number>> metrics) {

    public MetricsSnapshot {
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    static MetricsSnapshot of(MetricRegistry registry) {
        SortedMap<String, Map<String, Number>> out = new TreeMap<>();
        for (Map.Entry<String, Metric> e : registry.getMetrics().entrySet()) {
            Map<String, Number> fields = fields(e.getValue());
            if (fields != null) {
                out.put(e.getKey(), fields);
            }
        }
        return new MetricsSnapshot(out);
    }

    /** One field of one metric, or null. */
    public Number get(String metric, String field) {
        Map<String, Number> m = metrics.get(metric);
        return m == null ? null : m.get(field);
    }

    private static Map<String, Number> fields(Metric metric) {
        Map<String, Number> f = new LinkedHashMap<>();
        if (metric instanceof Counter c) {
            f.put("value", c.getCount());
        } else if (metric instanceof Gauge<?> g) {
            Object v = g.getValue();
            if (!(v instanceof Number n)) {
                return null;
            }
            f.put("value", n);
        } else if (metric instanceof Timer t) {
            Snapshot s = t.getSnapshot();
            f.put("count", t.getCount());
            f.put("rate_1m", t.getOneMinuteRate());
            f.put("mean_us", s.getMean() / 1000.0);
            f.put("p50_us", s.getMedian() / 1000.0);
            f.put("p99_us", s.get99thPercentile() / 1000.0);
            f.put("max_us", s.getMax() / 1000.0);
        } else if (metric instanceof Meter m) {
            f.put("count", m.getCount());
            f.put("rate_1m", m.getOneMinuteRate());
        } else {
            return null;
        }
        return f;
    }
}
