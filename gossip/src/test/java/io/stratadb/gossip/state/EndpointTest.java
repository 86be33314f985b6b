package io.stratadb.gossip.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void nodesOnOneHostDifferByPort() {
        assertNotEquals(Endpoint.of("127.0.0.1", 7000), Endpoint.of("127.0.0.1", 7001));
        assertEquals(Endpoint.of("127.0.0.1", 7000), Endpoint.parse("127.0.0.1:7000"));
        assertTrue(Endpoint.of("127.0.0.1", 7000).compareTo(Endpoint.of("127.0.0.1", 7001)) < 0);
    }

    @Test
    void parsesAndPrintsHostPortAndBracketedIpv6() {
        Endpoint v6 = Endpoint.parse("[::1]:7000");
        assertEquals(Endpoint.of("::1", 7000), v6);
        assertEquals("[::1]:7000", v6.toString());
        assertEquals("db-1.example.com:7000", Endpoint.parse("db-1.example.com:7000").toString());
    }

    @Test
    void rejectsWhatCannotBeAnEndpoint() {
        for (String bad : new String[] {"", "host", ":7000", "host:", "host:0", "host:65536", "host:x", "::1:7000",
                "[::1]7000", "a b:7000"}) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of("h".repeat(256), 7000));
    }
}
