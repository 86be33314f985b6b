package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_COMMIT_ACK (verb 25): the ballot committed. */
public final class CommitAckCodec implements PayloadCodec<CommitAck> {

    public static final CommitAckCodec INSTANCE = new CommitAckCodec();

    @Override
    public Class<CommitAck> type() {
        return CommitAck.class;
    }

    @Override
    public void encode(CommitAck p, ByteBuf out) {
        PaxosWire.writeBallot(out, p.ballot());
    }

    @Override
    public CommitAck decode(ByteBuf in) {
        return new CommitAck(PaxosWire.readBallot(in));
    }
}
