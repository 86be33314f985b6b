package io.stratadb.client.protocol.handshake;

import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolVersion;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The server's rule for answering a HELLO, kept free of Netty so it is tested with plain calls: the
 * highest version both sides speak; the first compression in the client's list the server supports.
 * Options the server does not know are ignored, so clients can add them without a version bump.
 */
public final class HandshakeNegotiator {
    private final Set<ProtocolVersion> versions;
    private final Set<Compression> compressions;
    private final String serverName;

    public HandshakeNegotiator(Set<ProtocolVersion> versions, Set<Compression> compressions, String serverName) {
        this.versions = EnumSet.copyOf(versions);
        this.compressions = EnumSet.copyOf(compressions);
        this.compressions.add(Compression.NONE);
        this.serverName = serverName;
    }

    /** Speaks every version of this build and LZ4. */
    public static HandshakeNegotiator standard(String serverName) {
        return new HandshakeNegotiator(EnumSet.allOf(ProtocolVersion.class), EnumSet.allOf(Compression.class),
                serverName);
    }

    /** The result of one HELLO: accepted with a READY to send, or rejected with the ERROR to send. */
    public sealed interface Outcome {
    }

    public record Accepted(ProtocolVersion version, Compression compression, String clientName, Ready ready)
            implements Outcome {
    }

    public record Rejected(ErrorResponse error) implements Outcome {
    }

    public Outcome negotiate(Hello hello) {
        ProtocolVersion chosen = null;
        for (int code : hello.versions()) {
            ProtocolVersion v = ProtocolVersion.fromCode(code);
            if (v != null && versions.contains(v) && (chosen == null || v.code() > chosen.code())) {
                chosen = v;
            }
        }
        if (chosen == null) {
            return new Rejected(ErrorResponse.of(ErrorCode.PROTOCOL_ERROR, "no common protocol version: client offers "
                    + hello.versions() + ", server speaks " + versions));
        }
        Compression compression = chooseCompression(hello.options().get(HandshakeOptions.COMPRESSION));
        if (compression == null) {
            return new Rejected(ErrorResponse.of(ErrorCode.PROTOCOL_ERROR, "no common compression: client offers "
                    + hello.options().get(HandshakeOptions.COMPRESSION) + ", server supports " + compressions));
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(HandshakeOptions.COMPRESSION, compression.wireName());
        options.put(HandshakeOptions.SERVER_NAME, serverName);
        return new Accepted(chosen, compression, hello.options().getOrDefault(HandshakeOptions.CLIENT_NAME, ""),
                new Ready(chosen.code(), options));
    }

    /** Returns null when the client named algorithms and none of them is supported. */
    private Compression chooseCompression(String preference) {
        if (preference == null || preference.isBlank()) {
            return Compression.NONE;
        }
        for (String name : preference.split(",")) {
            Compression c = Compression.fromWireName(name.trim());
            if (c != null && compressions.contains(c)) {
                return c;
            }
        }
        return null;
    }
}
