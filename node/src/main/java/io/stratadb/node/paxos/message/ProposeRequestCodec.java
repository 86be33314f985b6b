package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_PROPOSE (verb 22): table, key, proposal. */
public final class ProposeRequestCodec implements PayloadCodec<ProposeRequest> {

    public static final ProposeRequestCodec INSTANCE = new ProposeRequestCodec();

    @Override
    public Class<ProposeRequest> type() {
        return ProposeRequest.class;
    }

    @Override
    public void encode(ProposeRequest p, ByteBuf out) {
        PaxosWire.writeTable(out, p.table());
        PaxosWire.writeKey(out, p.key());
        PaxosWire.writeProposal(out, p.proposal());
    }

    @Override
    public ProposeRequest decode(ByteBuf in) {
        String table = PaxosWire.readTable(in);
        byte[] key = PaxosWire.readKey(in);
        return new ProposeRequest(table, key, PaxosWire.readProposal(in));
    }
}
