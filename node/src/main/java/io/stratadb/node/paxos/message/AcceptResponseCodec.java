package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_ACCEPT (verb 23, the answer to a propose): ballot, accepted (u8 0/1), promised ballot. */
public final class AcceptResponseCodec implements PayloadCodec<AcceptResponse> {

    public static final AcceptResponseCodec INSTANCE = new AcceptResponseCodec();

    @Override
    public Class<AcceptResponse> type() {
        return AcceptResponse.class;
    }

    @Override
    public void encode(AcceptResponse p, ByteBuf out) {
        PaxosWire.writeBallot(out, p.ballot());
        out.writeByte(p.accepted() ? 1 : 0);
        PaxosWire.writeBallot(out, p.promised());
    }

    @Override
    public AcceptResponse decode(ByteBuf in) {
        var ballot = PaxosWire.readBallot(in);
        boolean accepted = PaxosWire.readBoolean(in, "accepted");
        return new AcceptResponse(ballot, accepted, PaxosWire.readBallot(in));
    }
}
