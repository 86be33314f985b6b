package io.stratadb.client.protocol.handshake;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * READY (0x81): the server accepted the HELLO. Body: {@code u8 version, string map options}; the options
 * state the choices made (compression). Every frame after it uses that version. Frozen layout.
 */
public record Ready(int version, Map<String, String> options) implements Response {
    public Ready {
        if (version < 1 || version > 0x7F) {
            throw new IllegalArgumentException("protocol version out of range: " + version);
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The compression the server chose; NONE when the option is absent. */
    public Compression compression() {
        Compression c = Compression.fromWireName(options.getOrDefault(HandshakeOptions.COMPRESSION, "none"));
        return c == null ? Compression.NONE : c;
    }

    @Override
    public Opcode opcode() {
        return Opcode.READY;
    }

    public static final class Codec implements BodyCodec<Ready> {
        @Override
        public void encode(Ready m, BodyWriter out) {
            out.u8(m.version).stringMap(m.options);
        }

        @Override
        public Ready decode(BodyReader in) {
            int version = in.u8();
            if (version < 1 || version > 0x7F) {
                throw in.malformed("READY chose version " + version);
            }
            return new Ready(version, in.stringMap("options"));
        }
    }
}
