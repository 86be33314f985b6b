package io.stratadb.node.replica;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.coordinator.LocalReplicaAccess;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.HintPayload;
import io.stratadb.node.messaging.payload.MutationPayload;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.time.HybridLogicalClock;
import io.stratadb.storage.Mutation;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * MUTATION and HINT: applies the write to this node's storage and acknowledges once it is durable (as
 * durable as the commit-log mode makes any write). A write to a table no local keyspace owns is refused,
 * not applied: the sender knows a keyspace this node has not heard of yet, so this node pulls the schema
 * from it, and the coordinator hints the write meanwhile. Applying it would create a table that the next
 * start-up deletes as an orphan. Runs on the I/O thread: {@code applyAsync} does not block.
 */
public final class MutationVerbHandler implements VerbHandler {

    private final LocalReplicaAccess local;
    private final HybridLogicalClock clock;
    private final Supplier<Schema> schema;
    private final Consumer<Endpoint> pullSchemaFrom;
    private final Verb ack;

    private MutationVerbHandler(LocalReplicaAccess local, HybridLogicalClock clock, Supplier<Schema> schema,
                                Consumer<Endpoint> pullSchemaFrom, Verb ack) {
        this.local = local;
        this.clock = clock;
        this.schema = schema;
        this.pullSchemaFrom = pullSchemaFrom;
        this.ack = ack;
    }

    public static MutationVerbHandler forMutations(LocalReplicaAccess local, HybridLogicalClock clock,
                                                   Supplier<Schema> schema, Consumer<Endpoint> pullSchemaFrom) {
        return new MutationVerbHandler(local, clock, schema, pullSchemaFrom, Verb.MUTATION_ACK);
    }

    public static MutationVerbHandler forHints(LocalReplicaAccess local, HybridLogicalClock clock,
                                               Supplier<Schema> schema, Consumer<Endpoint> pullSchemaFrom) {
        return new MutationVerbHandler(local, clock, schema, pullSchemaFrom, Verb.HINT_ACK);
    }

    @Override
    public void handle(Endpoint from, Message message, Replier replier) {
        MutationPayload m = message.payload() instanceof HintPayload h ? h.mutation()
                : message.payload(MutationPayload.class);
        if (!schema.get().hasTable(m.table())) {
            pullSchemaFrom.accept(from);
            throw new IllegalStateException("table " + m.table() + " belongs to no keyspace this node knows yet; "
                    + "pulling the schema from " + from);
        }
        clock.observe(m.cell().timestamp());
        local.apply(new Mutation(m.table(), m.key(), m.cell()))
                .whenComplete(Replies.to(replier, ignored -> Message.of(ack, EmptyPayload.INSTANCE)));
    }

    @Override
    public boolean mayBlock() {
        return false;
    }
}
