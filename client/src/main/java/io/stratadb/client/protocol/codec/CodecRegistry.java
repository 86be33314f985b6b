package io.stratadb.client.protocol.codec;

import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The table from opcode to body codec for one protocol version. Immutable once built; build one per
 * server or client (they are cheap) rather than sharing a global.
 */
public final class CodecRegistry {
    private final BodyCodec<?>[] codecs;
    private final Class<?>[] types;
    private final Set<Opcode> opcodes;

    private CodecRegistry(BodyCodec<?>[] codecs, Class<?>[] types, Set<Opcode> opcodes) {
        this.codecs = codecs;
        this.types = types;
        this.opcodes = Collections.unmodifiableSet(opcodes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The codec for an opcode, or {@code null} if this registry has none. */
    public BodyCodec<?> codecFor(Opcode opcode) {
        return codecs[opcode.code()];
    }

    /** The codec for a message about to be sent; fails if its class is not the one registered. */
    @SuppressWarnings("unchecked")
    public <M extends Message> BodyCodec<M> codecFor(M message) {
        int code = message.opcode().code();
        if (types[code] != message.getClass()) {
            throw new IllegalArgumentException("no codec registered for " + message.getClass().getName()
                    + " under " + message.opcode());
        }
        return (BodyCodec<M>) codecs[code];
    }

    public Set<Opcode> opcodes() {
        return opcodes;
    }

    public static final class Builder {
        private final BodyCodec<?>[] codecs = new BodyCodec<?>[256];
        private final Class<?>[] types = new Class<?>[256];
        private final Set<Opcode> opcodes = EnumSet.noneOf(Opcode.class);

        private Builder() {
        }

        public <M extends Message> Builder register(Opcode opcode, Class<M> type, BodyCodec<M> codec) {
            if (!opcodes.add(opcode)) {
                throw new IllegalArgumentException(opcode + " registered twice");
            }
            codecs[opcode.code()] = codec;
            types[opcode.code()] = type;
            return this;
        }

        public CodecRegistry build() {
            return new CodecRegistry(codecs.clone(), types.clone(), EnumSet.copyOf(opcodes.isEmpty()
                    ? EnumSet.noneOf(Opcode.class) : opcodes));
        }
    }
}
