package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.ConsistencyLevel;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WriteOptionsTest {
    @Test
    void aWriteIsIdempotentExactlyWhenItHasAClientTimestampUnlessToldOtherwise() {
        assertFalse(WriteOptions.defaults().isIdempotent());
        assertTrue(WriteOptions.defaults().withTimestampMicros(42).isIdempotent());
        assertTrue(WriteOptions.defaults().withIdempotent(true).isIdempotent());
        assertFalse(WriteOptions.defaults().withTimestampMicros(42).withIdempotent(false).isIdempotent());
        assertFalse(WriteOptions.defaults().withIdempotent(false).withTimestampMicros(42).isIdempotent(),
                "an explicit choice survives later settings");
        assertTrue(WriteOptions.defaults().withIdempotent(true).withTtlSeconds(5).withKeyspace("ks").isIdempotent());
    }

    @Test
    void theSerialLevelSurvivesEveryOtherSettingAndIsSerialOnly() {
        WriteOptions o = WriteOptions.defaults().withSerialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .withConsistency(ConsistencyLevel.QUORUM).withTimeout(Duration.ofSeconds(1)).withKeyspace("ks")
                .withTtlSeconds(5).withTimestampMicros(7).withIdempotent(true);
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, o.serialConsistency());
        assertEquals(ConsistencyLevel.QUORUM, o.consistency());
        assertEquals(OptionalInt.of(5), o.ttlSeconds());
        assertNull(WriteOptions.defaults().serialConsistency(), "unset: the client's default");
        for (ConsistencyLevel cl : ConsistencyLevel.values()) {
            if (cl.isSerial()) {
                assertEquals(cl, WriteOptions.defaults().withSerialConsistency(cl).serialConsistency());
            } else {
                assertThrows(IllegalArgumentException.class, () -> WriteOptions.defaults().withSerialConsistency(cl));
            }
        }
    }
}
