package io.stratadb.client.protocol.message.error;

/**
 * What timed out: an ordinary read or write, or one phase of the Paxos round of a serial operation
 * (PUT_IF_ABSENT, CAS, DELETE_IF, SERIAL_PUT, or a GET at SERIAL / LOCAL_SERIAL). The phase is there because
 * it tells a caller what may have happened; docs/protocol.md, 7.2, has the full rules.
 */
public enum TimeoutKind {
    READ(0x01),
    WRITE(0x02),
    /**
     * Too few replicas promised the ballot. Outcome unknown: the coordinator may have been on a later
     * attempt of the same operation (after losing a round), and a proposal of an earlier attempt may sit
     * accepted on a minority of replicas, to be completed by whichever proposer finds it next.
     */
    PREPARE(0x03),
    /**
     * Too few replicas accepted the proposal. Outcome unknown: a minority may hold it, and a later round
     * that finds it completes it.
     */
    PROPOSE(0x04),
    /**
     * A quorum accepted the proposal, so the round is decided and every later serial operation sees its
     * outcome; what timed out is writing the decided value to the replicas at the request's commit
     * consistency level, so a non-serial read may not see it yet. Not safe to retry blindly either.
     */
    COMMIT(0x05);

    private final int code;

    TimeoutKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True for the phases of a Paxos round: PREPARE, PROPOSE, COMMIT. */
    public boolean isPaxosPhase() {
        return this == PREPARE || this == PROPOSE || this == COMMIT;
    }

    public static TimeoutKind fromCode(int code) {
        for (TimeoutKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
