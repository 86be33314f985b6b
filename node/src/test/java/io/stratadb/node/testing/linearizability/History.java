package io.stratadb.node.testing.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A history being recorded: {@link #invoke} when a client sends an operation, then exactly one of
 * {@link #complete} (an answer), {@link #unknown} (a timeout: completes at infinity) or {@link #failed}
 * (an error that guarantees no effect; the operation is left out, so if it did take effect the values it
 * wrote show up unexplained). Operations never completed count as unknown. Not thread-safe.
 */
public final class History {

    private record Pending(String client, String key, OpKind kind, String expected, String value, long invokedAt) {
    }

    private final List<Pending> invoked = new ArrayList<>();
    private final List<Long> completedAt = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Boolean> dropped = new ArrayList<>();

    /** Returns the handle to complete it with. */
    public int invoke(String client, String key, OpKind kind, String expected, String value, long at) {
        invoked.add(new Pending(client, key, kind, expected, value, at));
        completedAt.add(Long.MAX_VALUE);
        outcomes.add(Outcome.unknown());
        dropped.add(false);
        return invoked.size() - 1;
    }

    public void complete(int handle, Outcome outcome, long at) {
        if (outcome.status() == Outcome.Status.UNKNOWN) {
            unknown(handle);
            return;
        }
        completedAt.set(handle, at);
        outcomes.set(handle, outcome);
    }

    public void unknown(int handle) {
        completedAt.set(handle, Long.MAX_VALUE);
        outcomes.set(handle, Outcome.unknown());
    }

    public void failed(int handle) {
        dropped.set(handle, true);
    }

    /** The recorded operations per key, ids numbered per key in invocation order. */
    public Map<String, List<Op>> byKey() {
        Map<String, List<Op>> out = new TreeMap<>();
        for (int i = 0; i < invoked.size(); i++) {
            if (dropped.get(i)) {
                continue;
            }
            Pending p = invoked.get(i);
            List<Op> ops = out.computeIfAbsent(p.key(), k -> new ArrayList<>());
            ops.add(new Op(ops.size(), p.client(), p.key(), p.kind(), p.expected(), p.value(), p.invokedAt(),
                    completedAt.get(i), outcomes.get(i)));
        }
        return out;
    }

    public int size() {
        return invoked.size();
    }
}
