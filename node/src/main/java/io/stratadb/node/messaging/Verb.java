package io.stratadb.node.messaging;

import io.stratadb.node.paxos.message.AcceptResponseCodec;
import io.stratadb.node.paxos.message.CommitAckCodec;
import io.stratadb.node.paxos.message.CommitRequestCodec;
import io.stratadb.node.paxos.message.PrepareRequestCodec;
import io.stratadb.node.paxos.message.PromiseResponseCodec;
import io.stratadb.node.paxos.message.ProposeRequestCodec;
import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.FailurePayloadCodec;
import io.stratadb.node.messaging.payload.HintPayloadCodec;
import io.stratadb.node.messaging.payload.MutationPayloadCodec;
import io.stratadb.node.messaging.payload.OpaquePayloadCodec;
import io.stratadb.node.messaging.payload.RangeReadPayloadCodec;
import io.stratadb.node.messaging.payload.RangeReadResponsePayloadCodec;
import io.stratadb.node.messaging.payload.ReadPayloadCodec;
import io.stratadb.node.messaging.payload.ReadResponsePayloadCodec;

/**
 * What a message means, and so which payload codec reads it. Ids are on the wire: never renumber, never
 * reuse. Ids 20-25 are Paxos (prepare, promise, propose, accept, commit, commit ack), 26-29 are kept
 * for Paxos and 30-39 for repair (validation, Merkle tree, sync, stream); a peer that receives an id it does not know
 * answers a request with {@code UNKNOWN_VERB} and keeps the connection. See docs/internode-protocol.md.
 */
public enum Verb {
    MUTATION(1, MutationPayloadCodec.INSTANCE),
    MUTATION_ACK(2, EmptyPayload.CODEC),
    READ(3, ReadPayloadCodec.INSTANCE),
    READ_RESPONSE(4, ReadResponsePayloadCodec.INSTANCE),
    /** Carries a gossip SYN encoded by the gossip module's codec. */
    GOSSIP_SYN(5, OpaquePayloadCodec.INSTANCE),
    GOSSIP_ACK(6, OpaquePayloadCodec.INSTANCE),
    GOSSIP_ACK2(7, OpaquePayloadCodec.INSTANCE),
    HINT(8, HintPayloadCodec.INSTANCE),
    HINT_ACK(9, EmptyPayload.CODEC),
    SCHEMA_PULL(10, EmptyPayload.CODEC),
    /** A schema snapshot in the schema module's own (versioned) encoding. */
    SCHEMA_PUSH(11, OpaquePayloadCodec.INSTANCE),
    /** The answer to any request whose handler failed or could not run. */
    FAILURE_RESPONSE(12, FailurePayloadCodec.INSTANCE),
    /** One page of a replica's table (the coordinator's scan). */
    RANGE_READ(13, RangeReadPayloadCodec.INSTANCE),
    RANGE_READ_RESPONSE(14, RangeReadResponsePayloadCodec.INSTANCE),
    /** Paxos phase 1: promise not to accept older ballots, and tell the key's current value. */
    PAXOS_PREPARE(20, PrepareRequestCodec.INSTANCE),
    PAXOS_PROMISE(21, PromiseResponseCodec.INSTANCE),
    /** Paxos phase 2: accept this proposal unless a newer ballot was promised. */
    PAXOS_PROPOSE(22, ProposeRequestCodec.INSTANCE),
    PAXOS_ACCEPT(23, AcceptResponseCodec.INSTANCE),
    /** The chosen proposal: apply it to the data and record it as committed. */
    PAXOS_COMMIT(24, CommitRequestCodec.INSTANCE),
    PAXOS_COMMIT_ACK(25, CommitAckCodec.INSTANCE);

    /** Ids are u16 on the wire; this table covers the ids in use and the reserved ranges. */
    private static final Verb[] BY_ID = new Verb[64];

    static {
        for (Verb v : values()) {
            BY_ID[v.id] = v;
        }
    }

    private final int id;
    private final PayloadCodec<?> codec;

    Verb(int id, PayloadCodec<?> codec) {
        this.id = id;
        this.codec = codec;
    }

    public int id() {
        return id;
    }

    public PayloadCodec<?> codec() {
        return codec;
    }

    public Class<?> payloadType() {
        return codec.type();
    }

    /** The verb with this id, or null for an id this version does not know. */
    public static Verb fromId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    @SuppressWarnings("unchecked")
    void encodePayload(Object payload, io.netty.buffer.ByteBuf out) {
        ((PayloadCodec<Object>) codec).encode(payload, out);
    }
}
