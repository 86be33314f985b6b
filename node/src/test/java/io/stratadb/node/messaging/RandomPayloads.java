package io.stratadb.node.messaging;

import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.FailurePayload;
import io.stratadb.node.messaging.payload.HintPayload;
import io.stratadb.node.messaging.payload.MutationPayload;
import io.stratadb.node.messaging.payload.OpaquePayload;
import io.stratadb.node.messaging.payload.ReadPayload;
import io.stratadb.node.messaging.payload.ReadResponsePayload;
import io.stratadb.node.messaging.payload.RangeReadPayload;
import io.stratadb.node.paxos.Ballot;
import io.stratadb.node.paxos.Proposal;
import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.node.messaging.payload.RangeReadResponsePayload;
import io.stratadb.storage.Cell;
import io.stratadb.storage.engine.KeyCell;

import java.util.ArrayList;
import java.util.List;

import java.util.Random;

/** A random, valid payload for any verb; the caller prints the seed so a failure replays. */
final class RandomPayloads {

    private final Random random;

    RandomPayloads(long seed) {
        this.random = new Random(seed);
    }

    Message message(Verb verb) {
        return Message.of(verb, payload(verb));
    }

    Object payload(Verb verb) {
        switch (verb) {
            case MUTATION: return mutation();
            case READ: return new ReadPayload(string(), bytes(40), random.nextBoolean());
            case READ_RESPONSE: return readResponse();
            case HINT: return new HintPayload(random.nextLong(), mutation());
            case RANGE_READ:
                return new RangeReadPayload(string(), random.nextBoolean() ? null : bytes(40),
                        random.nextBoolean() ? null : bytes(40), 1 + random.nextInt(1000));
            case RANGE_READ_RESPONSE: return rangeReadResponse();
            case GOSSIP_SYN:
            case GOSSIP_ACK:
            case GOSSIP_ACK2:
            case SCHEMA_PUSH:
                return new OpaquePayload(bytes(300));
            case FAILURE_RESPONSE:
                return new FailurePayload(FailurePayload.Code.values()[random.nextInt(4)], string());
            case PAXOS_PREPARE: return new PrepareRequest(string(), bytes(40), ballot());
            case PAXOS_PROMISE:
                return random.nextBoolean() ? PromiseResponse.reject(ballot(), ballot())
                        : PromiseResponse.promise(ballot(), random.nextBoolean() ? null : proposal(), ballot(),
                        random.nextBoolean() ? null : cell());
            case PAXOS_PROPOSE: return new ProposeRequest(string(), bytes(40), proposal());
            case PAXOS_ACCEPT: return new AcceptResponse(ballot(), random.nextBoolean(), ballot());
            case PAXOS_COMMIT: return new CommitRequest(string(), bytes(40), proposal());
            case PAXOS_COMMIT_ACK: return new CommitAck(ballot());
            default:
                return EmptyPayload.INSTANCE;
        }
    }

    private Ballot ballot() {
        return new Ballot(random.nextLong() & Long.MAX_VALUE, random.nextLong());
    }

    private Proposal proposal() {
        return new Proposal(ballot(), random.nextBoolean() ? null : cell());
    }

    private ReadResponsePayload readResponse() {
        switch (random.nextInt(3)) {
            case 0: return new ReadResponsePayload(null, null);
            case 1: return ReadResponsePayload.ofCell(cell());
            default: return ReadResponsePayload.ofDigest(bytes(32));
        }
    }

    private RangeReadResponsePayload rangeReadResponse() {
        List<KeyCell> entries = new ArrayList<>();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            entries.add(new KeyCell(bytes(40), cell()));
        }
        return new RangeReadResponsePayload(entries, random.nextBoolean() ? null : bytes(40));
    }

    private MutationPayload mutation() {
        return new MutationPayload(string(), bytes(64), cell());
    }

    Cell cell() {
        long ts = random.nextLong();
        int ldt = random.nextInt();
        switch (random.nextInt(3)) {
            case 0: return Cell.value(bytes(200), ts);
            case 1: return Cell.expiring(bytes(200), ts, ldt);
            default: return Cell.tombstone(ts, ldt);
        }
    }

    private byte[] bytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    /** Mixed ASCII and multi-byte characters, to exercise UTF-8 lengths. */
    private String string() {
        int n = random.nextInt(20);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(4) == 0 ? (char) (0x3b1 + random.nextInt(20)) : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
