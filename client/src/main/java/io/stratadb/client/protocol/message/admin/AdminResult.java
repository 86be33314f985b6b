package io.stratadb.client.protocol.message.admin;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ADMIN_RESULT (0xB0): the answer to one ADMIN command. Body: {@code u8 layout version (1), string command,
 * value document}, where the document is UTF-8 JSON whose top-level {@code "version"} field numbers its
 * fields (docs/protocol.md lists them per command). JSON rather than typed records because these answers
 * are read by people and scripts and grow fields often; a {@code value} rather than a {@code string}
 * because a ring of many nodes exceeds 64 KiB.
 */
public record AdminResult(String command, String json) implements Response {
    public static final int LAYOUT_VERSION = 1;

    public AdminResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public Opcode opcode() {
        return Opcode.ADMIN_RESULT;
    }

    public static final class Codec implements BodyCodec<AdminResult> {
        @Override
        public void encode(AdminResult m, BodyWriter out) {
            out.u8(LAYOUT_VERSION).string(m.command).value(Bytes.wrap(m.json.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public AdminResult decode(BodyReader in) {
            int layout = in.u8();
            if (layout != LAYOUT_VERSION) {
                throw in.malformed("ADMIN_RESULT layout version " + layout + " (this client reads "
                        + LAYOUT_VERSION + ")");
            }
            String command = in.string("command");
            return new AdminResult(command, new String(in.value("document").unsafeArray(), StandardCharsets.UTF_8));
        }

        @Override
        public int estimatedSize(AdminResult m) {
            return 16 + m.command.length() + m.json.length();
        }
    }
}
