package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_COMMIT (verb 24): table, key, proposal. */
public final class CommitRequestCodec implements PayloadCodec<CommitRequest> {

    public static final CommitRequestCodec INSTANCE = new CommitRequestCodec();

    @Override
    public Class<CommitRequest> type() {
        return CommitRequest.class;
    }

    @Override
    public void encode(CommitRequest p, ByteBuf out) {
        PaxosWire.writeTable(out, p.table());
        PaxosWire.writeKey(out, p.key());
        PaxosWire.writeProposal(out, p.proposal());
    }

    @Override
    public CommitRequest decode(ByteBuf in) {
        String table = PaxosWire.readTable(in);
        byte[] key = PaxosWire.readKey(in);
        return new CommitRequest(table, key, PaxosWire.readProposal(in));
    }
}
