package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Rules that drop or delay messages between chosen endpoints, for partition tests. One filter is shared
 * by all services of a test cluster; each service consults it for every message it sends (responses
 * included), so a rule from A to B affects exactly the A-to-B direction. The first matching rule wins;
 * rules never combine.
 */
public final class MessageFilter {

    /** What to do with one message. */
    public record Decision(boolean drop, long delayMillis) {
        static final Decision PASS = new Decision(false, 0);
    }

    /** An installed rule; {@link #lift()} removes it. */
    public final class Rule {
        private final Endpoint from;
        private final Endpoint to;
        private final Set<Verb> verbs;
        private final Decision decision;

        private Rule(Endpoint from, Endpoint to, Set<Verb> verbs, Decision decision) {
            this.from = from;
            this.to = to;
            this.verbs = verbs;
            this.decision = decision;
        }

        boolean matches(Endpoint sender, Endpoint receiver, Verb verb) {
            return (from == null || from.equals(sender)) && (to == null || to.equals(receiver))
                    && (verbs.isEmpty() || verbs.contains(verb));
        }

        public void lift() {
            rules.remove(this);
        }
    }

    /** Lifts several rules at once (both directions of a partition). */
    public record Rules(List<Rule> rules) {
        public void lift() {
            rules.forEach(Rule::lift);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** Drops messages from {@code from} to {@code to} (null = any endpoint) of the given verbs (none = all). */
    public Rule drop(Endpoint from, Endpoint to, Verb... verbs) {
        return add(from, to, verbs, new Decision(true, 0));
    }

    /** Drops in both directions between {@code a} and {@code b}: a partition. */
    public Rules dropBothWays(Endpoint a, Endpoint b, Verb... verbs) {
        return new Rules(List.of(drop(a, b, verbs), drop(b, a, verbs)));
    }

    public Rule delay(Endpoint from, Endpoint to, Duration delay, Verb... verbs) {
        return add(from, to, verbs, new Decision(false, Math.max(1, delay.toMillis())));
    }

    public Rules delayBothWays(Endpoint a, Endpoint b, Duration delay, Verb... verbs) {
        return new Rules(List.of(delay(a, b, delay, verbs), delay(b, a, delay, verbs)));
    }

    /** Lifts every rule. */
    public void clear() {
        rules.clear();
    }

    public Decision decide(Endpoint from, Endpoint to, Verb verb) {
        // The common case (no rules) costs one volatile read and no allocation.
        for (Rule r : rules) {
            if (r.matches(from, to, verb)) {
                return r.decision;
            }
        }
        return Decision.PASS;
    }

    private Rule add(Endpoint from, Endpoint to, Verb[] verbs, Decision decision) {
        Set<Verb> set = verbs.length == 0 ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(List.of(verbs));
        Rule r = new Rule(from, to, set, decision);
        rules.add(r);
        return r;
    }
}
