package io.stratadb.client.protocol.message.admin;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * ADMIN (0x30): one admin command for the node that receives it. Body: {@code u8 layout version (1),
 * string command, string map arguments}. The command is a name rather than a code so that a new command
 * needs no new layout; a node that does not know it answers INVALID_REQUEST naming the commands it knows.
 */
public record AdminRequest(String command, Map<String, String> arguments) implements Request {
    /** The only body layout so far; a decoder refuses others, so a later layout cannot be misread. */
    public static final int LAYOUT_VERSION = 1;

    public AdminRequest {
        Objects.requireNonNull(command, "command");
        arguments = Map.copyOf(arguments);
    }

    public static AdminRequest of(String command) {
        return new AdminRequest(command, Map.of());
    }

    @Override
    public Opcode opcode() {
        return Opcode.ADMIN;
    }

    public static final class Codec implements BodyCodec<AdminRequest> {
        @Override
        public void encode(AdminRequest m, BodyWriter out) {
            // Sorted so equal requests encode to equal bytes (Map.copyOf has no stable order).
            out.u8(LAYOUT_VERSION).string(m.command).stringMap(new TreeMap<>(m.arguments));
        }

        @Override
        public AdminRequest decode(BodyReader in) {
            int layout = in.u8();
            if (layout != LAYOUT_VERSION) {
                throw in.malformed("ADMIN layout version " + layout + " (this node reads " + LAYOUT_VERSION + ")");
            }
            return new AdminRequest(in.string("command"), in.stringMap("arguments"));
        }
    }
}
