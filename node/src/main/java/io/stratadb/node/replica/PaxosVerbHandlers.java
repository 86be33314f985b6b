package io.stratadb.node.replica;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.paxos.PaxosReplica;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.node.schema.Schema;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PAXOS_PREPARE, PAXOS_PROPOSE and PAXOS_COMMIT: this node as an acceptor. Each runs on the Paxos stage,
 * because the acceptor syncs its state to disk before it answers; a full stage answers OVERLOADED, which
 * the proposer treats like a lost message. A request for a table no local keyspace owns is refused, as
 * for mutations, and the schema is pulled from the sender.
 */
public final class PaxosVerbHandlers {

    private final PaxosReplica replica;
    private final BoundedStage stage;
    private final Supplier<Schema> schema;
    private final Consumer<Endpoint> pullSchemaFrom;

    public PaxosVerbHandlers(PaxosReplica replica, BoundedStage stage, Supplier<Schema> schema,
                             Consumer<Endpoint> pullSchemaFrom) {
        this.replica = replica;
        this.stage = stage;
        this.schema = schema;
        this.pullSchemaFrom = pullSchemaFrom;
    }

    public void register(MessagingService messaging) {
        messaging.registerHandler(Verb.PAXOS_PREPARE, handler(PrepareRequest.class, PrepareRequest::table,
                r -> Message.of(Verb.PAXOS_PROMISE, replica.prepare(r))));
        messaging.registerHandler(Verb.PAXOS_PROPOSE, handler(ProposeRequest.class, ProposeRequest::table,
                r -> Message.of(Verb.PAXOS_ACCEPT, replica.propose(r))));
        messaging.registerHandler(Verb.PAXOS_COMMIT, handler(CommitRequest.class, CommitRequest::table,
                r -> Message.of(Verb.PAXOS_COMMIT_ACK, replica.commit(r))));
    }

    private <T> VerbHandler handler(Class<T> type, Function<T, String> table, Function<T, Message> rule) {
        return VerbHandler.nonBlocking((from, message, replier) -> {
            T request = message.payload(type);
            if (!schema.get().hasTable(table.apply(request))) {
                pullSchemaFrom.accept(from);
                throw new IllegalStateException("table " + table.apply(request) + " belongs to no keyspace this node "
                        + "knows yet; pulling the schema from " + from);
            }
            stage.submit(() -> rule.apply(request)).whenComplete(Replies.to(replier, m -> m));
        });
    }
}
