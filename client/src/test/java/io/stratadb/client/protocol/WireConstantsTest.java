package io.stratadb.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.message.error.TimeoutKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the numbers that docs/protocol.md publishes: changing one is a protocol change. */
class WireConstantsTest {

    @Test
    void opcodeValuesAreStable() {
        Map<Opcode, Integer> expected = new LinkedHashMap<>();
        expected.put(Opcode.HELLO, 0x01);
        expected.put(Opcode.GET, 0x10);
        expected.put(Opcode.PUT, 0x11);
        expected.put(Opcode.DELETE, 0x12);
        expected.put(Opcode.MULTI_GET, 0x13);
        expected.put(Opcode.SCAN, 0x14);
        expected.put(Opcode.PUT_IF_ABSENT, 0x18);
        expected.put(Opcode.CAS, 0x19);
        expected.put(Opcode.DELETE_IF, 0x1A);
        expected.put(Opcode.SERIAL_PUT, 0x1C);
        expected.put(Opcode.CAS_RESULT, 0x99);
        expected.put(Opcode.CREATE_KEYSPACE, 0x20);
        expected.put(Opcode.DROP_KEYSPACE, 0x21);
        expected.put(Opcode.LIST_KEYSPACES, 0x22);
        expected.put(Opcode.TOPOLOGY, 0x23);
        expected.put(Opcode.ADMIN, 0x30);
        expected.put(Opcode.ERROR, 0x80);
        expected.forEach((op, code) -> assertEquals(code, op.code(), op.name()));
        for (Opcode op : Opcode.values()) {
            assertEquals(op, Opcode.fromCode(op.code()));
            if (!op.isResponse()) {
                assertEquals(op.code() | 0x80, op.resultOpcode().code());
                assertEquals(op.name().equals("HELLO") ? "READY" : op.name() + "_RESULT", op.resultOpcode().name());
            }
        }
    }

    @Test
    void reservedRangesHoldNoAssignedOpcodeAndCoverCompareAndSet() {
        for (Opcode op : Opcode.values()) {
            assertNull(Opcode.ReservedRange.of(op.code()), op + " sits in a reserved range");
        }
        for (int code = 0x1D; code <= 0x1F; code++) {
            assertEquals(Opcode.ReservedRange.COMPARE_AND_SET, Opcode.ReservedRange.of(code));
            assertEquals(Opcode.ReservedRange.COMPARE_AND_SET, Opcode.ReservedRange.of(code | 0x80));
        }
        // A serial read is a GET at SERIAL; the code once planned for it stays unassigned.
        assertNull(Opcode.fromCode(0x1B));
        assertEquals(Opcode.ReservedRange.RETIRED_SERIAL_GET, Opcode.ReservedRange.of(0x1B));
        assertEquals(Opcode.ADMIN, Opcode.fromCode(0x30));
        for (int code = 0x31; code <= 0x3F; code++) {
            assertEquals(Opcode.ReservedRange.ADMIN, Opcode.ReservedRange.of(code));
        }
        assertNull(Opcode.fromCode(0x00));
    }

    @Test
    void errorCodesAreStableAndDocumentTheirEffect() {
        Object[][] table = {
            {ErrorCode.SERVER_ERROR, 0x0001, false},
            {ErrorCode.PROTOCOL_ERROR, 0x0002, true},
            {ErrorCode.FRAME_TOO_LARGE, 0x0003, true},
            {ErrorCode.UNAUTHORIZED, 0x0100, true},
            {ErrorCode.UNAVAILABLE, 0x1000, true},
            {ErrorCode.OVERLOADED, 0x1001, true},
            {ErrorCode.TIMEOUT, 0x1100, false},
            {ErrorCode.CONTENTION, 0x1101, false},
            {ErrorCode.CORRUPTION, 0x1200, false},
            {ErrorCode.INVALID_REQUEST, 0x2000, true},
            {ErrorCode.UNKNOWN_KEYSPACE, 0x2001, true},
            {ErrorCode.ALREADY_EXISTS, 0x2002, true},
        };
        assertEquals(ErrorCode.values().length, table.length, "a new code needs a row here and in docs/protocol.md");
        Set<Integer> seen = new HashSet<>();
        for (Object[] row : table) {
            ErrorCode code = (ErrorCode) row[0];
            assertEquals(row[1], code.code(), code.name());
            assertEquals(row[2], code.guaranteesNoEffect(), code.name());
            assertEquals(code, ErrorCode.fromCode(code.code()));
            assertTrue(seen.add(code.code()));
        }
        assertTrue(ErrorCode.UNKNOWN_KEYSPACE.isInvalidRequest());
        assertFalse(ErrorCode.TIMEOUT.isInvalidRequest());
    }

    @Test
    void timeoutKindsAreStable() {
        Object[][] table = {
            {TimeoutKind.READ, 0x01, false},
            {TimeoutKind.WRITE, 0x02, false},
            {TimeoutKind.PREPARE, 0x03, true},
            {TimeoutKind.PROPOSE, 0x04, true},
            {TimeoutKind.COMMIT, 0x05, true},
        };
        assertEquals(TimeoutKind.values().length, table.length, "a new kind needs a row here and in docs/protocol.md");
        for (Object[] row : table) {
            TimeoutKind kind = (TimeoutKind) row[0];
            assertEquals(row[1], kind.code(), kind.name());
            assertEquals(row[2], kind.isPaxosPhase(), kind.name());
            assertEquals(kind, TimeoutKind.fromCode(kind.code()));
        }
        assertNull(TimeoutKind.fromCode(0x06));
    }

    @Test
    void versionOneIsTheHandshakeVersion() {
        assertEquals(1, ProtocolVersion.V1.code());
        assertEquals(ProtocolVersion.V1, ProtocolVersion.handshakeVersion());
        assertNull(ProtocolVersion.fromCode(2));
    }
}
