package io.stratadb.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The operation mixes: YCSB's core workloads A-F (same proportions and default distributions as
 * YCSB's workload files) plus pure {@code write} and {@code read}, and compare-and-set on random keys
 * ({@code cas}) or on a few hot ones ({@code cas-hot}).
 */
public enum Workload {
    A("update heavy", KeyDistribution.ZIPFIAN, mix(OperationType.READ, 0.5, OperationType.UPDATE, 0.5)),
    B("read mostly", KeyDistribution.ZIPFIAN, mix(OperationType.READ, 0.95, OperationType.UPDATE, 0.05)),
    C("read only", KeyDistribution.ZIPFIAN, mix(OperationType.READ, 1.0)),
    D("read latest", KeyDistribution.LATEST, mix(OperationType.READ, 0.95, OperationType.INSERT, 0.05)),
    E("short ranges", KeyDistribution.ZIPFIAN, mix(OperationType.SCAN, 0.95, OperationType.INSERT, 0.05)),
    F("read-modify-write", KeyDistribution.ZIPFIAN, mix(OperationType.READ, 0.5, OperationType.READ_MODIFY_WRITE, 0.5)),
    WRITE("blind writes", KeyDistribution.UNIFORM, mix(OperationType.UPDATE, 1.0)),
    READ("uniform reads", KeyDistribution.UNIFORM, mix(OperationType.READ, 1.0)),
    /** Compare-and-set on random keys: mostly uncontended Paxos rounds. */
    CAS("compare-and-set", KeyDistribution.UNIFORM, mix(OperationType.CAS, 1.0)),
    /** Compare-and-set on a few hot keys (--hot-keys): contended Paxos rounds. */
    CAS_HOT("compare-and-set on hot keys", KeyDistribution.HOT, mix(OperationType.CAS, 1.0));

    private final String description;
    private final KeyDistribution defaultDistribution;
    private final Map<OperationType, Double> proportions;

    Workload(String description, KeyDistribution defaultDistribution, Map<OperationType, Double> proportions) {
        this.description = description;
        this.defaultDistribution = defaultDistribution;
        this.proportions = proportions;
    }

    public String description() {
        return description;
    }

    public KeyDistribution defaultDistribution() {
        return defaultDistribution;
    }

    public Map<OperationType, Double> proportions() {
        return proportions;
    }

    /** Draws an operation type with this workload's proportions. */
    public OperationType choose(SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        OperationType last = null;
        for (Map.Entry<OperationType, Double> e : proportions.entrySet()) {
            acc += e.getValue();
            last = e.getKey();
            if (u < acc) {
                return last;
            }
        }
        return last;
    }

    public static Workload parse(String name) {
        for (Workload w : values()) {
            if (w.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (A-F, write, read, cas, cas-hot)");
    }

    private static Map<OperationType, Double> mix(Object... pairs) {
        Map<OperationType, Double> m = new EnumMap<>(OperationType.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((OperationType) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}
