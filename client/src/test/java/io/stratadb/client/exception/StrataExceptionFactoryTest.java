package io.stratadb.client.exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrataExceptionFactoryTest {

    @Test
    void unavailableCarriesItsCounts() {
        UnavailableException e = assertInstanceOf(UnavailableException.class,
                StrataExceptionFactory.fromError(ErrorResponse.unavailable(ConsistencyLevel.QUORUM, 2, 1)));
        assertEquals(ConsistencyLevel.QUORUM, e.consistency());
        assertEquals(2, e.required());
        assertEquals(1, e.alive());
        assertTrue(e.requestHadNoEffect());
    }

    @Test
    void timeoutCarriesKindAndCounts() {
        RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, StrataExceptionFactory.fromError(
                ErrorResponse.timeout(ConsistencyLevel.LOCAL_QUORUM, TimeoutKind.WRITE, 1, 2)));
        assertTrue(e.isWrite());
        assertEquals(1, e.received());
        assertEquals(2, e.required());
        assertEquals(ConsistencyLevel.LOCAL_QUORUM, e.consistency());
        assertFalse(e.requestHadNoEffect(), "a timed-out write may have been applied");
    }

    @Test
    void aClientSideTimeoutHasUnknownCountsAndUnknownOutcome() {
        RequestTimeoutException e = RequestTimeoutException.clientSide("no answer in 2s", ConsistencyLevel.ONE,
                TimeoutKind.WRITE);
        assertTrue(e.isClientSide());
        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertEquals(RequestTimeoutException.UNKNOWN_COUNT, e.received());
        assertEquals(RequestTimeoutException.UNKNOWN_COUNT, e.required());
        assertFalse(e.requestHadNoEffect());
        assertFalse(assertInstanceOf(RequestTimeoutException.class, StrataExceptionFactory.fromError(
                ErrorResponse.timeout(ConsistencyLevel.ONE, TimeoutKind.READ, 0, 1))).isClientSide());
    }

    @Test
    void keyspaceErrorsAreInvalidRequests() {
        UnknownKeyspaceException u = assertInstanceOf(UnknownKeyspaceException.class,
                StrataExceptionFactory.fromError(ErrorResponse.unknownKeyspace("users")));
        assertEquals("users", u.keyspace());
        assertInstanceOf(InvalidRequestException.class, u);
        AlreadyExistsException a = assertInstanceOf(AlreadyExistsException.class,
                StrataExceptionFactory.fromError(ErrorResponse.alreadyExists("users")));
        assertEquals(ErrorCode.ALREADY_EXISTS, a.code());
    }

    @Test
    void everyCodeMapsToItsType() {
        Map<ErrorCode, Class<? extends StrataException>> plain = Map.of(
                ErrorCode.SERVER_ERROR, ServerErrorException.class,
                ErrorCode.PROTOCOL_ERROR, ProtocolErrorException.class,
                ErrorCode.FRAME_TOO_LARGE, ProtocolErrorException.class,
                ErrorCode.UNAUTHORIZED, UnauthorizedException.class,
                ErrorCode.OVERLOADED, OverloadedException.class,
                ErrorCode.CONTENTION, ContentionException.class,
                ErrorCode.CORRUPTION, CorruptionException.class,
                ErrorCode.INVALID_REQUEST, InvalidRequestException.class);
        plain.forEach((code, type) -> {
            StrataException e = StrataExceptionFactory.fromError(ErrorResponse.of(code, "boom"));
            assertEquals(type, e.getClass());
            assertEquals(code, e.code());
            assertEquals("boom", e.getMessage());
            assertEquals(code.guaranteesNoEffect(), e.requestHadNoEffect());
        });
    }
}
