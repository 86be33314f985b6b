package io.stratadb.client.protocol;

import static io.stratadb.client.protocol.ConsistencyLevel.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyLevelTest {

    @Test
    void byteCodesAreStable() {
        int[] expected = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A};
        ConsistencyLevel[] levels = {ANY, ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM, SERIAL,
            LOCAL_SERIAL};
        for (int i = 0; i < levels.length; i++) {
            assertEquals(expected[i], levels[i].code(), levels[i].name());
            assertEquals(levels[i], ConsistencyLevel.fromCode(expected[i]));
        }
        assertNull(ConsistencyLevel.fromCode(0x0B));
        assertNull(ConsistencyLevel.fromCode(-1));
    }

    @Test
    void blockForWithoutDatacenters() {
        int[][] table = {
            // rf, ANY, ONE, TWO, THREE, QUORUM, ALL, SERIAL
            {1, 1, 1, 2, 3, 1, 1, 1},
            {2, 1, 1, 2, 3, 2, 2, 2},
            {3, 1, 1, 2, 3, 2, 3, 2},
            {4, 1, 1, 2, 3, 3, 4, 3},
            {5, 1, 1, 2, 3, 3, 5, 3},
            {6, 1, 1, 2, 3, 4, 6, 4},
        };
        ConsistencyLevel[] levels = {ANY, ONE, TWO, THREE, QUORUM, ALL, SERIAL};
        for (int[] row : table) {
            for (int i = 0; i < levels.length; i++) {
                assertEquals(row[i + 1], levels[i].blockFor(row[0]), levels[i] + " rf=" + row[0]);
            }
        }
        for (ConsistencyLevel dcLevel : EnumSet.of(LOCAL_ONE, LOCAL_QUORUM, LOCAL_SERIAL, EACH_QUORUM)) {
            assertThrows(IllegalStateException.class, () -> dcLevel.blockFor(3));
        }
        assertThrows(IllegalArgumentException.class, () -> ONE.blockFor(-1));
    }

    @Test
    void perDatacenterArithmetic() {
        Map<String, Integer> rfs = new LinkedHashMap<>();
        rfs.put("east", 3);
        rfs.put("west", 5);
        rfs.put("backup", 0);
        assertEquals(1, LOCAL_ONE.blockFor(rfs, "east"));
        assertEquals(2, LOCAL_QUORUM.blockFor(rfs, "east"));
        assertEquals(3, LOCAL_QUORUM.blockFor(rfs, "west"));
        assertEquals(3, LOCAL_SERIAL.blockFor(rfs, "west"));
        assertEquals(1, LOCAL_QUORUM.blockFor(rfs, "nowhere"), "no local replicas: unsatisfiable, never zero");
        assertEquals(Map.of("east", 2, "west", 3), EACH_QUORUM.blockForEachDatacenter(rfs));
        assertEquals(5, EACH_QUORUM.blockFor(rfs, "east"));
        assertEquals(5, QUORUM.blockFor(rfs, "east"), "quorum of 8 replicas overall");
        assertEquals(8, ALL.blockFor(rfs, "west"));
        assertEquals(1, ONE.blockFor(rfs, "west"));
        assertThrows(IllegalStateException.class, () -> QUORUM.blockForEachDatacenter(rfs));
    }

    @Test
    void classification() {
        assertEquals(EnumSet.of(SERIAL, LOCAL_SERIAL), filter(ConsistencyLevel::isSerial));
        assertEquals(EnumSet.of(LOCAL_ONE, LOCAL_QUORUM, LOCAL_SERIAL), filter(ConsistencyLevel::isDatacenterLocal));
        assertEquals(EnumSet.of(LOCAL_ONE, LOCAL_QUORUM, LOCAL_SERIAL, EACH_QUORUM),
                filter(ConsistencyLevel::needsDatacenterFactors));
        assertFalse(ANY.isValidForRead());
        assertTrue(ANY.isValidForWrite());
        assertFalse(SERIAL.isValidForWrite());
        assertTrue(SERIAL.isValidForRead());
    }

    private static EnumSet<ConsistencyLevel> filter(java.util.function.Predicate<ConsistencyLevel> p) {
        EnumSet<ConsistencyLevel> out = EnumSet.noneOf(ConsistencyLevel.class);
        for (ConsistencyLevel cl : values()) {
            if (p.test(cl)) {
                out.add(cl);
            }
        }
        return out;
    }
}
