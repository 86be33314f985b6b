package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to each Paxos write, under its result opcode: PUT_IF_ABSENT_RESULT (0x98), CAS_RESULT (0x99),
 * DELETE_IF_RESULT (0x9A), SERIAL_PUT_RESULT (0x9C). Body: {@code bool applied}, then, only when not applied,
 * the {@code value result} the condition was checked against: the key's current value, or absent.
 *
 * <p>One record for four opcodes because the layout is the same; the opcode is a field, so that a result
 * is still sent under its own request's result code (and a client can tell a misrouted answer).
 */
public record SerialWriteResult(Opcode opcode, boolean applied, Optional<ValueResult> current) implements Response {
    /** The result opcodes this record answers with. */
    public static final Set<Opcode> OPCODES = EnumSet.of(Opcode.PUT_IF_ABSENT_RESULT, Opcode.CAS_RESULT,
            Opcode.DELETE_IF_RESULT, Opcode.SERIAL_PUT_RESULT);

    public SerialWriteResult {
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(current, "current");
        if (!OPCODES.contains(opcode)) {
            throw new IllegalArgumentException(opcode + " is not the result of a serial write");
        }
        if (applied == current.isPresent()) {
            throw new IllegalArgumentException(applied ? "an applied result carries no current value"
                    : "a result that did not apply carries the current value (absent or not)");
        }
        if (opcode == Opcode.SERIAL_PUT_RESULT && !applied) {
            throw new IllegalArgumentException("an unconditional SERIAL_PUT always applies");
        }
    }

    /** The operation was applied; {@code request} is the request's opcode. */
    public static SerialWriteResult applied(Opcode request) {
        return new SerialWriteResult(request.resultOpcode(), true, Optional.empty());
    }

    /** The condition did not hold against {@code current}; {@code request} is the request's opcode. */
    public static SerialWriteResult notApplied(Opcode request, ValueResult current) {
        return new SerialWriteResult(request.resultOpcode(), false, Optional.of(current));
    }

    @Override
    public Opcode opcode() {
        return opcode;
    }

    /** One codec per result opcode: the decoded record takes the opcode its frame came under. */
    public static final class Codec implements BodyCodec<SerialWriteResult> {
        private final Opcode opcode;

        public Codec(Opcode opcode) {
            if (!OPCODES.contains(opcode)) {
                throw new IllegalArgumentException(opcode + " is not the result of a serial write");
            }
            this.opcode = opcode;
        }

        @Override
        public void encode(SerialWriteResult m, BodyWriter out) {
            out.bool(m.applied);
            m.current.ifPresent(c -> ValueResult.write(out, c));
        }

        @Override
        public SerialWriteResult decode(BodyReader in) {
            boolean applied = in.bool("applied");
            Optional<ValueResult> current = applied ? Optional.empty() : Optional.of(ValueResult.read(in));
            return new SerialWriteResult(opcode, applied, current);
        }

        @Override
        public int estimatedSize(SerialWriteResult m) {
            return 16 + m.current.map(c -> c.value().length()).orElse(0);
        }
    }
}
