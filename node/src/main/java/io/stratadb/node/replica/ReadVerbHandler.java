package io.stratadb.node.replica;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.coordinator.CellDigest;
import io.stratadb.node.coordinator.LocalReplicaAccess;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.messaging.payload.ReadPayload;
import io.stratadb.node.messaging.payload.ReadResponsePayload;

/**
 * READ: the newest local version of a key (tombstones included), or only its {@link CellDigest}. The read
 * runs on the read stage; a full stage answers OVERLOADED at once rather than queueing past the
 * coordinator's timeout.
 */
public final class ReadVerbHandler implements VerbHandler {

    private final LocalReplicaAccess local;

    public ReadVerbHandler(LocalReplicaAccess local) {
        this.local = local;
    }

    @Override
    public void handle(Endpoint from, Message message, Replier replier) {
        ReadPayload r = message.payload(ReadPayload.class);
        local.read(r.table(), r.key()).whenComplete(Replies.to(replier, cell -> Message.of(Verb.READ_RESPONSE,
                r.digestOnly() ? ReadResponsePayload.ofDigest(CellDigest.of(cell)) : ReadResponsePayload.ofCell(cell))));
    }

    @Override
    public boolean mayBlock() {
        return false;
    }
}
