package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
