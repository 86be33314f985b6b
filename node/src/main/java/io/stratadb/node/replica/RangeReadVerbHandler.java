package io.stratadb.node.replica;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.coordinator.LocalReplicaAccess;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.messaging.payload.RangeReadPayload;
import io.stratadb.node.messaging.payload.RangeReadResponsePayload;

/** RANGE_READ: one bounded page of a local table, read on the read stage. */
public final class RangeReadVerbHandler implements VerbHandler {

    private final LocalReplicaAccess local;

    public RangeReadVerbHandler(LocalReplicaAccess local) {
        this.local = local;
    }

    @Override
    public void handle(Endpoint from, Message message, Replier replier) {
        RangeReadPayload r = message.payload(RangeReadPayload.class);
        local.scan(r.table(), r.startExclusive(), r.endExclusive(), r.limit())
                .whenComplete(Replies.to(replier, page -> Message.of(Verb.RANGE_READ_RESPONSE,
                        new RangeReadResponsePayload(page.entries(), page.nextPageKey()))));
    }

    @Override
    public boolean mayBlock() {
        return false;
    }
}
