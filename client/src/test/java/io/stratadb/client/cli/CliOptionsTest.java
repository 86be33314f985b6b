package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.ConsistencyLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
    @Test
    void defaultsWithoutOptions() throws Exception {
        CliOptions o = CliOptions.parse(new String[0]);
        assertEquals(List.of(CliOptions.DEFAULT_HOST), o.hosts());
        assertNull(o.keyspace());
        assertNull(o.consistency());
        assertFalse(o.json());
        assertTrue(o.command().isEmpty(), "stdin mode");
    }

    @Test
    void optionsComeBeforeTheCommandWhichKeepsItsOwn() throws Exception {
        CliOptions o = CliOptions.parse(new String[] {"--host", "10.0.0.1:9470", "--host=10.0.0.2", "--keyspace",
                "app", "--consistency", "quorum", "--timeout", "250", "--json", "put", "k", "v", "--ttl", "5"});
        assertEquals(List.of("10.0.0.1:9470", "10.0.0.2"), o.hosts());
        assertEquals("app", o.keyspace());
        assertEquals(ConsistencyLevel.QUORUM, o.consistency());
        assertEquals(Duration.ofMillis(250), o.timeout());
        assertTrue(o.json());
        assertEquals(List.of("put", "k", "v", "--ttl", "5"), o.command());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--consistency", "MOST"}));
        assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--timeout", "-1"}));
        assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--keyspace"}));
        assertThrows(UsageException.class, () -> CliOptions.parse(new String[] {"--verbose", "get", "k"}));
    }

    @Test
    void theSerialLevelIsSerialOrLocalSerial() throws Exception {
        assertNull(CliOptions.parse(new String[0]).serialConsistency());
        CliOptions o = CliOptions.parse(new String[] {"--serial-consistency", "local_serial", "get", "k", "--serial"});
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, o.serialConsistency());
        assertEquals(List.of("get", "k", "--serial"), o.command());
        UsageException e = assertThrows(UsageException.class,
                () -> CliOptions.parse(new String[] {"--serial-consistency=QUORUM"}));
        assertTrue(e.getMessage().contains("SERIAL or LOCAL_SERIAL"), e.getMessage());
    }
}
