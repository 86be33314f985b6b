package io.stratadb.client.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolVersion;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeNegotiatorTest {
    private final HandshakeNegotiator server = HandshakeNegotiator.standard("strata-test");

    @Test
    void picksTheHighestCommonVersionAmongUnknownOnes() {
        HandshakeNegotiator.Accepted a = assertInstanceOf(HandshakeNegotiator.Accepted.class,
                server.negotiate(new Hello(List.of(9, 1, 3), Map.of())));
        assertEquals(ProtocolVersion.V1, a.version());
        assertEquals(1, a.ready().version());
        assertEquals(Compression.NONE, a.compression());
        assertEquals(Compression.NONE, a.ready().compression());
    }

    @Test
    void noCommonVersionIsRejectedWithAProtocolError() {
        HandshakeNegotiator.Rejected r = assertInstanceOf(HandshakeNegotiator.Rejected.class,
                server.negotiate(new Hello(List.of(2, 3), Map.of())));
        assertEquals(ErrorCode.PROTOCOL_ERROR, r.error().code());
        assertTrue(r.error().message().contains("no common protocol version"), r.error().message());
    }

    @Test
    void compressionFollowsTheClientsPreferenceAmongWhatTheServerHas() {
        HandshakeNegotiator.Accepted a = assertInstanceOf(HandshakeNegotiator.Accepted.class,
                server.negotiate(new Hello(List.of(1), Map.of("compression", "zstd, lz4,none", "client_name", "t"))));
        assertEquals(Compression.LZ4, a.compression());
        assertEquals("lz4", a.ready().options().get("compression"));
        assertEquals("t", a.clientName());

        HandshakeNegotiator plain = new HandshakeNegotiator(EnumSet.of(ProtocolVersion.V1),
                EnumSet.noneOf(Compression.class), "no-lz4");
        HandshakeNegotiator.Accepted b = assertInstanceOf(HandshakeNegotiator.Accepted.class,
                plain.negotiate(new Hello(List.of(1), Map.of("compression", "lz4,none"))));
        assertEquals(Compression.NONE, b.compression());
        assertInstanceOf(HandshakeNegotiator.Rejected.class,
                plain.negotiate(new Hello(List.of(1), Map.of("compression", "lz4"))));
    }

    @Test
    void unknownOptionsAreIgnored() {
        assertInstanceOf(HandshakeNegotiator.Accepted.class,
                server.negotiate(new Hello(List.of(1), Map.of("tracing", "on", "compression", ""))));
    }

    @Test
    void helloOfListsThisBuildsVersionsAndPreferences() {
        Hello h = Hello.of("java-client/0.1", List.of(Compression.LZ4, Compression.NONE));
        assertEquals(List.of(1), h.versions());
        assertEquals("lz4,none", h.options().get("compression"));
        assertEquals("java-client/0.1", h.options().get("client_name"));
    }
}
