package io.stratadb.node.paxos.message;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** PAXOS_PROMISE (verb 21, the answer to a prepare): ballot, promised (u8 0/1), promised ballot, in-progress proposal (presence byte), committed ballot, current cell (presence byte). */
public final class PromiseResponseCodec implements PayloadCodec<PromiseResponse> {

    public static final PromiseResponseCodec INSTANCE = new PromiseResponseCodec();

    @Override
    public Class<PromiseResponse> type() {
        return PromiseResponse.class;
    }

    @Override
    public void encode(PromiseResponse p, ByteBuf out) {
        PaxosWire.writeBallot(out, p.ballot());
        out.writeByte(p.promised() ? 1 : 0);
        PaxosWire.writeBallot(out, p.promisedBallot());
        out.writeByte(p.inProgress() == null ? 0 : 1);
        if (p.inProgress() != null) {
            PaxosWire.writeProposal(out, p.inProgress());
        }
        PaxosWire.writeBallot(out, p.committed());
        PaxosWire.writeOptionalCell(out, p.current());
    }

    @Override
    public PromiseResponse decode(ByteBuf in) {
        var ballot = PaxosWire.readBallot(in);
        boolean promised = PaxosWire.readBoolean(in, "promised");
        var promisedBallot = PaxosWire.readBallot(in);
        var inProgress = PaxosWire.readBoolean(in, "in-progress presence") ? PaxosWire.readProposal(in) : null;
        var committed = PaxosWire.readBallot(in);
        return new PromiseResponse(ballot, promised, promisedBallot, inProgress, committed,
                PaxosWire.readOptionalCell(in, "current cell presence"));
    }
}
