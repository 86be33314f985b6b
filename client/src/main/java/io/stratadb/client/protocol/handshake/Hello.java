package io.stratadb.client.protocol.handshake;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.ProtocolVersion;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HELLO (0x01): the client's first frame. Body: {@code u8 count, u8 version...}, then a {@code string map}
 * of options. Versions are raw numbers, not {@link ProtocolVersion}s, because a newer client lists
 * versions this build has never heard of. This layout is frozen for all versions.
 */
public record Hello(List<Integer> versions, Map<String, String> options) implements Request {
    public Hello {
        versions = List.copyOf(versions);
        if (versions.isEmpty() || versions.size() > 0xFF) {
            throw new IllegalArgumentException("a HELLO lists 1 to 255 versions, not " + versions.size());
        }
        for (int v : versions) {
            if (v < 1 || v > ProtocolVersion.MAX_CODE) {
                throw new IllegalArgumentException("protocol version out of range: " + v);
            }
        }
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A HELLO offering every version this build speaks and the given compressions, in preference order. */
    public static Hello of(String clientName, List<Compression> compressionPreference) {
        List<Integer> versions = new ArrayList<>();
        for (ProtocolVersion v : ProtocolVersion.values()) {
            versions.add(v.code());
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(HandshakeOptions.CLIENT_NAME, clientName);
        if (!compressionPreference.isEmpty()) {
            options.put(HandshakeOptions.COMPRESSION,
                    compressionPreference.stream().map(Compression::wireName).collect(Collectors.joining(",")));
        }
        return new Hello(versions, options);
    }

    @Override
    public Opcode opcode() {
        return Opcode.HELLO;
    }

    public static final class Codec implements BodyCodec<Hello> {
        @Override
        public void encode(Hello m, BodyWriter out) {
            out.u8(m.versions.size());
            m.versions.forEach(out::u8);
            out.stringMap(m.options);
        }

        @Override
        public Hello decode(BodyReader in) {
            int count = in.u8();
            if (count == 0) {
                throw in.malformed("HELLO lists no versions");
            }
            List<Integer> versions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int v = in.u8();
                if (v < 1 || v > ProtocolVersion.MAX_CODE) {
                    throw in.malformed("HELLO lists version " + v);
                }
                versions.add(v);
            }
            return new Hello(versions, in.stringMap("options"));
        }
    }
}
