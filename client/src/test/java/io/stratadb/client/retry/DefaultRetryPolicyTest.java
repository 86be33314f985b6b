package io.stratadb.client.retry;

import static io.stratadb.client.retry.RetryDecision.FAIL;
import static io.stratadb.client.retry.RetryDecision.RETRY_NEXT_NODE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratadb.client.exception.AlreadyExistsException;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.ContentionException;
import io.stratadb.client.exception.CorruptionException;
import io.stratadb.client.exception.InvalidRequestException;
import io.stratadb.client.exception.OverloadedException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.exception.ServerErrorException;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.exception.UnauthorizedException;
import io.stratadb.client.exception.UnavailableException;
import io.stratadb.client.exception.UnknownKeyspaceException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRetryPolicyTest {
    private static final AttemptedRequest GET = new AttemptedRequest(Opcode.GET, true);
    private static final AttemptedRequest PUT = new AttemptedRequest(Opcode.PUT, false);
    private static final AttemptedRequest IDEMPOTENT_PUT = new AttemptedRequest(Opcode.PUT, true);
    private static final AttemptedRequest DELETE = new AttemptedRequest(Opcode.DELETE, false);

    private final DefaultRetryPolicy policy = new DefaultRetryPolicy();

    private static List<StrataException> transientFailures() {
        return List.of(
                new ConnectionException(new InetSocketAddress("127.0.0.1", 1), true, "broke in flight", null),
                new OverloadedException(ErrorCode.OVERLOADED, "shed"),
                new UnavailableException("too few", ConsistencyLevel.QUORUM, 2, 1),
                new RequestTimeoutException("slow replicas", ConsistencyLevel.QUORUM, TimeoutKind.READ, 1, 2));
    }

    private static List<StrataException> permanentFailures() {
        return List.of(
                new InvalidRequestException(ErrorCode.INVALID_REQUEST, "bad"),
                new UnknownKeyspaceException("no such keyspace", "ks"),
                new AlreadyExistsException("exists", "ks"),
                new CorruptionException(ErrorCode.CORRUPTION, "checksum"),
                new ServerErrorException(ErrorCode.SERVER_ERROR, "bug"),
                new UnauthorizedException(ErrorCode.UNAUTHORIZED, "no"),
                new ContentionException(ErrorCode.CONTENTION, "lost paxos"),
                RequestTimeoutException.clientSide("no answer in time", ConsistencyLevel.ONE, TimeoutKind.READ));
    }

    @Test
    void readsAreRetriedOnceAfterTransientFailures() {
        for (StrataException e : transientFailures()) {
            assertEquals(RETRY_NEXT_NODE, policy.onFailure(GET, e, 0), e.toString());
            assertEquals(FAIL, policy.onFailure(GET, e, 1), "only once: " + e);
        }
        for (Opcode read : List.of(Opcode.MULTI_GET, Opcode.SCAN, Opcode.TOPOLOGY, Opcode.LIST_KEYSPACES)) {
            assertEquals(RETRY_NEXT_NODE, policy.onFailure(new AttemptedRequest(read, false),
                    transientFailures().get(1), 0), "a read even when not flagged: " + read);
        }
    }

    @Test
    void writesNotMarkedIdempotentAreNeverRetried() {
        for (StrataException e : transientFailures()) {
            assertEquals(FAIL, policy.onFailure(PUT, e, 0), e.toString());
            assertEquals(FAIL, policy.onFailure(DELETE, e, 0), e.toString());
            assertEquals(FAIL, policy.onFailure(new AttemptedRequest(Opcode.CREATE_KEYSPACE, false), e, 0));
        }
    }

    @Test
    void idempotentWritesAreRetriedAfterTransientFailuresOnly() {
        for (StrataException e : transientFailures()) {
            assertEquals(RETRY_NEXT_NODE, policy.onFailure(IDEMPOTENT_PUT, e, 0), e.toString());
        }
        for (StrataException e : permanentFailures()) {
            assertEquals(FAIL, policy.onFailure(IDEMPOTENT_PUT, e, 0), e.toString());
        }
    }

    @Test
    void permanentFailuresAndClientSideTimeoutsAreNotRetried() {
        for (StrataException e : permanentFailures()) {
            assertEquals(FAIL, policy.onFailure(GET, e, 0), e.toString());
        }
    }

    @Test
    void theBoundOnRetriesIsConfigurable() {
        DefaultRetryPolicy three = new DefaultRetryPolicy(3);
        StrataException overloaded = transientFailures().get(1);
        assertEquals(RETRY_NEXT_NODE, three.onFailure(GET, overloaded, 2));
        assertEquals(FAIL, three.onFailure(GET, overloaded, 3));
        assertEquals(FAIL, new DefaultRetryPolicy(0).onFailure(GET, overloaded, 0));
        assertEquals(FAIL, RetryPolicy.never().onFailure(GET, overloaded, 0));
    }

    @Test
    void serialWritesAreRetriedOnlyAfterAnErrorThatGuaranteesNoEffect() {
        for (Opcode op : List.of(Opcode.PUT_IF_ABSENT, Opcode.CAS, Opcode.DELETE_IF, Opcode.SERIAL_PUT)) {
            for (boolean idempotentFlag : new boolean[] {false, true}) {
                AttemptedRequest cas = new AttemptedRequest(op, idempotentFlag);
                assertEquals(RETRY_NEXT_NODE, policy.onFailure(cas, new OverloadedException(ErrorCode.OVERLOADED,
                        "shed before execution"), 0), op.toString());
                assertEquals(RETRY_NEXT_NODE, policy.onFailure(cas, new UnavailableException("too few",
                        ConsistencyLevel.SERIAL, 2, 1), 0), op.toString());
                assertEquals(FAIL, policy.onFailure(cas, new OverloadedException(ErrorCode.OVERLOADED, "shed"), 1),
                        "bounded like the rest: " + op);
                // Outcome unknown: a repeat could apply it twice, or answer "not applied" for a write that did.
                List<StrataException> unknown = List.of(
                        new ConnectionException(new InetSocketAddress("127.0.0.1", 1), true, "broke in flight", null),
                        new ContentionException(ErrorCode.CONTENTION, "lost its rounds"),
                        new RequestTimeoutException("prepare", ConsistencyLevel.QUORUM, TimeoutKind.PREPARE, 1, 2),
                        new RequestTimeoutException("propose", ConsistencyLevel.QUORUM, TimeoutKind.PROPOSE, 1, 2),
                        new RequestTimeoutException("commit", ConsistencyLevel.QUORUM, TimeoutKind.COMMIT, 1, 2),
                        RequestTimeoutException.clientSide("no answer", ConsistencyLevel.QUORUM, TimeoutKind.WRITE),
                        new ServerErrorException(ErrorCode.SERVER_ERROR, "bug"));
                for (StrataException e : unknown) {
                    assertEquals(FAIL, policy.onFailure(cas, e, 0), op + " after " + e);
                }
                // No effect, but it would fail the same way elsewhere.
                assertEquals(FAIL, policy.onFailure(cas, new InvalidRequestException(ErrorCode.INVALID_REQUEST, "bad"), 0));
            }
        }
    }
}
