package io.stratadb.node.testing.linearizability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searches each key's history for a linearization: an order of the operations that respects real time
 * (an operation that completed before another was invoked comes first) and in which every outcome is what
 * {@link RegisterModel} says. Wing and Gong's backtracking search over the history's call and return
 * events, with Lowe's memoization (a set of (linearized operations, register state) pairs already
 * explored), as Porcupine does it. Unknown outcomes return at infinity, so they may be placed anywhere
 * after their invocation, including after everything (no effect visible).
 */
public final class LinearizabilityChecker {

    /** The verdict: null {@code violation} means linearizable. */
    public record Result(String violation) {
        public boolean ok() {
            return violation == null;
        }
    }

    private final RegisterModel model = new RegisterModel();

    public Result check(History history) {
        for (Map.Entry<String, List<Op>> e : history.byKey().entrySet()) {
            String v = checkKey(e.getKey(), e.getValue());
            if (v != null) {
                return new Result(v);
            }
        }
        return new Result(null);
    }

    /**
     * Null if the key's history (the register starts absent) is linearizable, else an explanation built on
     * the shortest failing prefix: the history as it stood at the earliest answer by which it was already
     * impossible (operations invoked by then; those still unanswered counted as unknown). Such a prefix is
     * linearizable whenever the whole history is (restrict its linearization to the prefix), so the first
     * failing one shows where things went wrong without the rest of the run.
     */
    public String checkKey(String key, List<Op> ops) {
        if (search(ops).ok) {
            return null;
        }
        List<Long> times = ops.stream().map(Op::completedAt).filter(t -> t != Long.MAX_VALUE).sorted().distinct().toList();
        for (long t : times) {
            List<Op> prefix = prefixAt(ops, t);
            Search s = search(prefix);
            if (!s.ok) {
                return explain(key, prefix, ops.size(), t, s.longest, s.longestState);
            }
        }
        Search s = search(ops);
        return explain(key, ops, ops.size(), Long.MAX_VALUE, s.longest, s.longestState);
    }

    /** The operations invoked by {@code t} (ids kept); those not answered by then become unknown. */
    private static List<Op> prefixAt(List<Op> ops, long t) {
        List<Op> out = new ArrayList<>();
        for (Op o : ops) {
            if (o.invokedAt() > t) {
                continue;
            }
            boolean answered = o.completedAt() <= t;
            out.add(new Op(o.id(), o.client(), o.key(), o.kind(), o.expected(), o.value(), o.invokedAt(),
                    answered ? o.completedAt() : Long.MAX_VALUE, answered ? o.outcome() : Outcome.unknown()));
        }
        return out;
    }

    private record Search(boolean ok, List<Op> longest, String longestState) {
    }

    private Search search(List<Op> ops) {
        Entry head = events(ops);
        Deque<Frame> stack = new ArrayDeque<>();
        Set<CacheKey> seen = new HashSet<>();
        BitSet linearized = new BitSet(ops.size());
        String state = null;
        List<Op> longest = List.of();
        String longestState = null;
        Entry entry = head.next;
        while (head.next != null) {
            if (entry.isCall) {
                Op op = entry.op;
                if (model.accepts(state, op)) {
                    String next = model.apply(state, op);
                    BitSet bits = (BitSet) linearized.clone();
                    bits.set(op.id());
                    if (seen.add(new CacheKey(bits, next))) {
                        stack.push(new Frame(entry, state));
                        state = next;
                        linearized = bits;
                        entry.lift();
                        if (stack.size() > longest.size()) {
                            longest = stackOps(stack);
                            longestState = state;
                        }
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                // A return event reached: its operation must already be linearized, so undo the last choice.
                if (stack.isEmpty()) {
                    return new Search(false, longest, longestState);
                }
                Frame f = stack.pop();
                state = f.stateBefore;
                linearized = (BitSet) linearized.clone();
                linearized.clear(f.call.op.id());
                f.call.unlift();
                entry = f.call.next;
            }
        }
        return new Search(true, longest, longestState);
    }

    private static List<Op> stackOps(Deque<Frame> stack) {
        List<Op> out = new ArrayList<>(stack.size());
        stack.descendingIterator().forEachRemaining(f -> out.add(f.call.op));
        return out;
    }

    private static String explain(String key, List<Op> ops, int total, long at, List<Op> longest, String state) {
        StringBuilder sb = new StringBuilder();
        sb.append("not linearizable: key ").append(key).append(", ").append(total).append(" operations");
        if (at != Long.MAX_VALUE) {
            sb.append("; already impossible at time ").append(at).append(", shown as it stood then (")
                    .append(ops.size()).append(" operations, those unanswered then as UNKNOWN)");
        }
        sb.append("\nhistory (by invocation):\n");
        ops.stream().sorted(Comparator.comparingLong(Op::invokedAt)).forEach(o -> sb.append("  ").append(o).append('\n'));
        sb.append("longest linearizable prefix found (").append(longest.size()).append(" ops, then the register holds ")
                .append(Outcome.show(state)).append("):\n");
        for (Op o : longest) {
            sb.append("  #").append(o.id());
        }
        sb.append("\nno remaining operation can come next: each is either preceded in real time by one not yet placed"
                + " or returned something the register did not hold\n");
        return sb.toString();
    }

    // ---- the event list ----

    private record Frame(Entry call, String stateBefore) {
    }

    private record CacheKey(BitSet bits, String state) {
    }

    /** A call or return event in a doubly linked list, so linearizing an operation unlinks both in O(1). */
    private static final class Entry {
        final Op op;
        final boolean isCall;
        Entry match;
        Entry prev;
        Entry next;

        Entry(Op op, boolean isCall) {
            this.op = op;
            this.isCall = isCall;
        }

        /** Removes this call and its return from the list. */
        void lift() {
            prev.next = next;
            if (next != null) {
                next.prev = prev;
            }
            match.prev.next = match.next;
            if (match.next != null) {
                match.next.prev = match.prev;
            }
        }

        /** Puts them back where they were (in reverse order of removal). */
        void unlift() {
            match.prev.next = match;
            if (match.next != null) {
                match.next.prev = match;
            }
            prev.next = this;
            if (next != null) {
                next.prev = this;
            }
        }
    }

    /**
     * Calls and returns by time; at equal times calls first, so operations that touch end to start count
     * as concurrent (the lenient reading, since clocks are not infinitely fine).
     */
    private static Entry events(List<Op> ops) {
        List<Entry> all = new ArrayList<>(2 * ops.size());
        for (Op op : ops) {
            Entry call = new Entry(op, true);
            Entry ret = new Entry(op, false);
            call.match = ret;
            ret.match = call;
            all.add(call);
            all.add(ret);
        }
        all.sort(Comparator.<Entry>comparingLong(e -> e.isCall ? e.op.invokedAt() : e.op.completedAt())
                .thenComparing(e -> e.isCall ? 0 : 1));
        Entry head = new Entry(null, false);
        Entry last = head;
        for (Entry e : all) {
            last.next = e;
            e.prev = last;
            last = e;
        }
        return head;
    }
}
