package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import java.nio.charset.StandardCharsets;

/** An endpoint on the wire: host length (u8), host (UTF-8), port (u16). */
final class EndpointCodec {

    private EndpointCodec() {
    }

    static void write(WireWriter out, Endpoint endpoint) {
        byte[] host = endpoint.host().getBytes(StandardCharsets.UTF_8);
        out.u8(host.length);
        out.bytes(host);
        out.u16(endpoint.port());
    }

    static Endpoint read(WireReader in) {
        int at = in.position();
        int hostLength = in.u8("host length");
        String host = in.utf8(hostLength, "host");
        int port = in.u16("port");
        try {
            return new Endpoint(host, port);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid endpoint at offset " + at + ": " + e.getMessage(), e);
        }
    }
}
