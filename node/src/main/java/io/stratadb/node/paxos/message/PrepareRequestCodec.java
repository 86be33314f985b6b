package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_PREPARE (verb 20): table, key, ballot. */
public final class PrepareRequestCodec implements PayloadCodec<PrepareRequest> {

    public static final PrepareRequestCodec INSTANCE = new PrepareRequestCodec();

    @Override
    public Class<PrepareRequest> type() {
        return PrepareRequest.class;
    }

    @Override
    public void encode(PrepareRequest p, ByteBuf out) {
        PaxosWire.writeTable(out, p.table());
        PaxosWire.writeKey(out, p.key());
        PaxosWire.writeBallot(out, p.ballot());
    }

    @Override
    public PrepareRequest decode(ByteBuf in) {
        String table = PaxosWire.readTable(in);
        byte[] key = PaxosWire.readKey(in);
        return new PrepareRequest(table, key, PaxosWire.readBallot(in));
    }
}
