package io.stratadb.node.service;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.paxos.PaxosCoordinator;
import io.stratadb.node.paxos.PaxosOperation;
import io.stratadb.node.paxos.PaxosOutcome;
import io.stratadb.storage.Cell;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * PUT_IF_ABSENT, CAS, DELETE_IF and SERIAL_PUT: one Paxos operation each through the
 * {@link PaxosCoordinator}. The answer says whether it applied and, if not, the value the condition was
 * evaluated against (its write timestamp is not carried through Paxos and reads as 0).
 */
public final class SerialWriteHandler<R extends SerialWriteRequest> implements RequestHandler<R> {

    private final Class<R> type;
    private final PaxosCoordinator paxos;
    private final Function<R, BiFunction<String, byte[], PaxosOperation>> operation;

    private SerialWriteHandler(Class<R> type, PaxosCoordinator paxos,
                               Function<R, BiFunction<String, byte[], PaxosOperation>> operation) {
        this.type = type;
        this.paxos = paxos;
        this.operation = operation;
    }

    public static SerialWriteHandler<PutIfAbsentRequest> putIfAbsent(PaxosCoordinator paxos, int maxValueBytes) {
        return new SerialWriteHandler<>(PutIfAbsentRequest.class, paxos, r -> (table, key) -> withTtl(
                PaxosOperation.putIfAbsent(table, key, checked(r.value(), maxValueBytes)), r.ttlSeconds()));
    }

    public static SerialWriteHandler<CasRequest> cas(PaxosCoordinator paxos, int maxValueBytes) {
        return new SerialWriteHandler<>(CasRequest.class, paxos, r -> (table, key) -> withTtl(
                PaxosOperation.cas(table, key, r.expected().toArray(), checked(r.newValue(), maxValueBytes)),
                r.ttlSeconds()));
    }

    public static SerialWriteHandler<DeleteIfRequest> deleteIf(PaxosCoordinator paxos) {
        return new SerialWriteHandler<>(DeleteIfRequest.class, paxos, r -> (table, key) ->
                PaxosOperation.deleteIf(table, key, r.expected().toArray()));
    }

    public static SerialWriteHandler<SerialPutRequest> serialPut(PaxosCoordinator paxos, int maxValueBytes) {
        return new SerialWriteHandler<>(SerialPutRequest.class, paxos, r -> (table, key) -> withTtl(
                PaxosOperation.serialPut(table, key, checked(r.value(), maxValueBytes)), r.ttlSeconds()));
    }

    @Override
    public Class<R> requestType() {
        return type;
    }

    @Override
    public CompletableFuture<SerialWriteResult> handle(R r) {
        Opcode opcode = r.opcode();
        return paxos.execute(r.keyspace(), r.key().toArray(), r.serialConsistency(), r.consistency(), operation.apply(r))
                .thenApply(outcome -> {
                    if (outcome instanceof PaxosOutcome.Applied) {
                        return SerialWriteResult.applied(opcode);
                    }
                    if (outcome instanceof PaxosOutcome.NotApplied n) {
                        return SerialWriteResult.notApplied(opcode, n.current() == null ? ValueResult.absent()
                                : ValueResult.of(Bytes.wrap(n.current()), 0));
                    }
                    throw new IllegalStateException("a serial write ended as " + outcome);
                });
    }

    private static byte[] checked(Bytes value, int maxValueBytes) {
        if (value.length() > maxValueBytes) {
            throw RequestException.invalid("value of " + value.length() + " bytes exceeds the maximum of "
                    + maxValueBytes + " bytes (max_value_size_kb)");
        }
        return value.toArray();
    }

    private static PaxosOperation withTtl(PaxosOperation op, OptionalInt ttl) {
        if (ttl.isEmpty()) {
            return op;
        }
        int seconds = ttl.getAsInt();
        if (seconds <= 0 || seconds >= Cell.NO_DELETION_TIME / 2) {
            throw RequestException.invalid("ttl must be positive and expire before 2038, got " + seconds);
        }
        return op.withTtl(seconds);
    }
}
