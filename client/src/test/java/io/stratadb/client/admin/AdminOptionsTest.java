package io.stratadb.client.admin;

import io.stratadb.client.protocol.message.admin.AdminCommand;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminOptionsTest {

    @Test
    void parsesOptionsThenCommandAndItsKeyspace() throws Exception {
        AdminOptions o = AdminOptions.parse(new String[] {"--host", "127.0.0.2:9470", "--json", "compact", "app"});
        assertEquals("127.0.0.2:9470", o.host());
        assertTrue(o.json());
        assertEquals(AdminCommand.COMPACT, o.command());
        assertEquals(Map.of("keyspace", "app"), o.arguments());
        assertEquals(AdminOptions.MAINTENANCE_TIMEOUT, o.effectiveTimeout());

        AdminOptions s = AdminOptions.parse(new String[] {"--timeout=1500", "STATUS"});
        assertEquals(AdminOptions.DEFAULT_HOST, s.host());
        assertEquals(AdminCommand.STATUS, s.command());
        assertEquals(Map.of(), s.arguments());
        assertEquals(Duration.ofMillis(1500), s.effectiveTimeout());
        assertEquals(AdminOptions.REPORT_TIMEOUT, AdminOptions.parse(new String[] {"ring"}).effectiveTimeout());
        assertEquals(Map.of(), AdminOptions.parse(new String[] {"flush"}).arguments());
    }

    @Test
    void refusesWhatItCannotRun() {
        for (String[] bad : new String[][] {{}, {"bogus"}, {"status", "extra"}, {"flush", "a", "b"}, {"--host"},
                {"--timeout", "0", "ring"}, {"--nope", "ring"}}) {
            assertThrows(AdminUsageException.class, () -> AdminOptions.parse(bad), String.join(" ", bad));
        }
    }
}
