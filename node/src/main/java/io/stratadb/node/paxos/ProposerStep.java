package io.stratadb.node.paxos;

import java.util.List;

/**
 * What the proposer wants done after an input: messages to send, when to call
 * {@link PaxosProposer#onWake} next ({@link #NO_WAKE} when done), and the outcome once it is known. Commit
 * messages may come together with the outcome: send them, they are not waited for.
 */
public record ProposerStep(List<Outbound> messages, long wakeAtNanos, PaxosOutcome outcome) {

    public static final long NO_WAKE = Long.MAX_VALUE;

    /** One message to one replica; {@code message} is one of the {@code paxos.message} records. */
    public record Outbound(String replica, Object message) {
    }

    public boolean isDone() {
        return outcome != null;
    }
}
