package io.stratadb.node.cluster;

import io.stratadb.gossip.EndpointStateListener;
import io.stratadb.gossip.Gossiper;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.OpaquePayload;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.schema.SchemaRowsCodec;
import io.stratadb.node.schema.SchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every node's keyspaces the same. Each node announces its schema version in gossip; a node that
 * sees a peer announce a different one pulls that peer's schema rows (SCHEMA_PULL) and merges them (per
 * keyspace, the newest definition or drop wins, see {@link SchemaStore#merge}). A create or drop made
 * here is pushed at once to every live peer (SCHEMA_PUSH, answered with the peer's own rows, so the
 * exchange converges both ways), and the client's request is answered once they took it or after
 * {@link #AGREEMENT_WAIT}: a client that creates a keyspace and then writes through another node finds it
 * there. A node that was down catches up through gossip when it returns.
 */
public final class SchemaSync implements EndpointStateListener {

    private static final Logger log = LoggerFactory.getLogger(SchemaSync.class);
    static final Duration AGREEMENT_WAIT = Duration.ofSeconds(10);

    private final SchemaStore schema;
    private final MessagingService messaging;
    private final BoundedStage schemaStage;
    private final Set<Endpoint> pulling = ConcurrentHashMap.newKeySet();
    private volatile Gossiper gossiper;

    public SchemaSync(SchemaStore schema, MessagingService messaging, BoundedStage schemaStage) {
        this.schema = schema;
        this.messaging = messaging;
        this.schemaStage = schemaStage;
    }

    /** Registers the verb handlers and the local-change hook; call before messaging starts. */
    public void install() {
        messaging.registerHandler(Verb.SCHEMA_PULL, VerbHandler.nonBlocking((from, m, replier) ->
                schemaStage.submit(this::snapshot).thenAccept(replier::reply)));
        messaging.registerHandler(Verb.SCHEMA_PUSH, (from, m, replier) -> {
            mergeFrom(from, m);
            replier.reply(snapshot());
        });
        schema.onLocalChange(this::pushToLivePeers);
    }

    /** Gossip is started after the schema is wired; from then on version changes are announced. */
    public void attach(Gossiper g) {
        this.gossiper = g;
    }

    public String localVersion() {
        return schema.current().version().toString();
    }

    @Override
    public void onJoin(Endpoint endpoint, EndpointState state) {
        check(endpoint, state.get(ApplicationState.SCHEMA_VERSION));
    }

    @Override
    public void onAlive(Endpoint endpoint, EndpointState state) {
        check(endpoint, state.get(ApplicationState.SCHEMA_VERSION));
    }

    @Override
    public void onRestart(Endpoint endpoint, EndpointState state) {
        check(endpoint, state.get(ApplicationState.SCHEMA_VERSION));
    }

    @Override
    public void onChange(Endpoint endpoint, ApplicationState key, VersionedValue value) {
        if (key == ApplicationState.SCHEMA_VERSION) {
            check(endpoint, value);
        }
    }

    /** Runs under the gossiper's lock: only schedules the pull. */
    private void check(Endpoint peer, VersionedValue version) {
        Gossiper g = gossiper;
        if (g == null || version == null || peer.equals(g.localEndpoint()) || version.value().equals(localVersion())) {
            return;
        }
        if (!pulling.add(peer)) {
            return;
        }
        messaging.request(peer, Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE), AGREEMENT_WAIT)
                .thenCompose(response -> schemaStage.submit(() -> {
                    mergeFrom(peer, response.message());
                    return null;
                }))
                .whenComplete((ok, failure) -> {
                    pulling.remove(peer);
                    if (failure != null) {
                        log.debug("Schema pull from {} failed: {}", peer, failure.toString());
                    }
                });
    }

    /** Pulls from {@code peer} now: a replica got a write for a table it does not know. */
    public void pullFrom(Endpoint peer) {
        check(peer, new VersionedValue("unknown", 0));
    }

    private void mergeFrom(Endpoint peer, Message message) {
        byte[] bytes = message.payload(OpaquePayload.class).bytes();
        if (schema.merge(SchemaRowsCodec.decode(bytes))) {
            log.info("Schema updated from {}", peer);
            announce();
        }
    }

    private Message snapshot() {
        return Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(SchemaRowsCodec.encode(schema.rows())));
    }

    /** On the schema stage, after a local change: push, wait for the live peers (bounded), announce. */
    private void pushToLivePeers(Schema changed) {
        announce();
        Gossiper g = gossiper;
        if (g == null) {
            return;
        }
        Message push = snapshot();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Endpoint peer : g.liveEndpoints()) {
            if (!peer.equals(g.localEndpoint())) {
                acks.add(messaging.request(peer, push, AGREEMENT_WAIT).thenAccept(r -> {
                    List<io.stratadb.storage.engine.KeyCell> rows =
                            SchemaRowsCodec.decode(r.message().payload(OpaquePayload.class).bytes());
                    schemaStage.submit(() -> {
                        if (schema.merge(rows)) {
                            announce();
                        }
                        return null;
                    });
                }));
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(AGREEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Schema version {} not confirmed by every live peer within {} ms ({}); gossip will finish "
                    + "spreading it", changed.version(), AGREEMENT_WAIT.toMillis(), e.toString());
        }
    }

    private void announce() {
        Gossiper g = gossiper;
        if (g != null) {
            g.updateLocalState(ApplicationState.SCHEMA_VERSION, localVersion());
        }
    }
}
