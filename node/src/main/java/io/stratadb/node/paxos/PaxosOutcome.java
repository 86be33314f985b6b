package io.stratadb.node.paxos;

import java.util.Arrays;

/** How a serial operation ended, as the coordinator reports it to the client. */
public sealed interface PaxosOutcome {

    /** Where the operation was when it ran out of time. */
    enum Phase { PREPARE, PROPOSE, COMMIT }

    /** Whether the operation may have taken effect (false: certainly did not). */
    boolean mayHaveApplied();

    /** The condition held and the write was chosen (accepted by a quorum): certain. */
    record Applied() implements PaxosOutcome {
        @Override
        public boolean mayHaveApplied() {
            return true;
        }
    }

    /** The condition did not hold; {@code current} is the value it was evaluated against (null: absent). Certain. */
    record NotApplied(byte[] current) implements PaxosOutcome {
        @Override
        public boolean mayHaveApplied() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NotApplied n && Arrays.equals(current, n.current);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(current);
        }

        @Override
        public String toString() {
            return "NotApplied[" + (current == null ? "absent" : new String(current, java.nio.charset.StandardCharsets.UTF_8)) + "]";
        }
    }

    /** A serial read's answer (null: absent). */
    record Read(byte[] value) implements PaxosOutcome {
        @Override
        public boolean mayHaveApplied() {
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Read r && Arrays.equals(value, r.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Read[" + (value == null ? "absent" : new String(value, java.nio.charset.StandardCharsets.UTF_8)) + "]";
        }
    }

    /** Fewer than a quorum of replicas were alive; nothing was sent. */
    record Unavailable(int alive, int required) implements PaxosOutcome {
        @Override
        public boolean mayHaveApplied() {
            return false;
        }
    }

    /** Gave up after {@code attempts} rounds lost to competing ballots; nothing of ours can take effect. */
    record Contention(int attempts) implements PaxosOutcome {
        @Override
        public boolean mayHaveApplied() {
            return false;
        }
    }

    /**
     * Out of time (or out of attempts with an outcome it could not settle) in {@code phase}. With
     * {@code mayHaveApplied} false nothing of ours can take effect; true means unknown — except in phase
     * COMMIT, where the write was chosen and only the commit acknowledgements the ordinary consistency
     * level asked for are missing.
     */
    record Timeout(Phase phase, boolean mayHaveApplied) implements PaxosOutcome {
    }
}
