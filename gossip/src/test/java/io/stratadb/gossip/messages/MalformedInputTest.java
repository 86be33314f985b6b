package io.stratadb.gossip.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.VersionedValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bad bytes are rejected with {@link MalformedMessageException}: never another exception, never an
 * allocation driven by a forged length.
 */
class MalformedInputTest {

    private static final Endpoint H = Endpoint.of("h", 7000);

    private final GossipDigestSynCodec syn = new GossipDigestSynCodec();
    private final GossipDigestAckCodec ack = new GossipDigestAckCodec();
    private final GossipDigestAck2Codec ack2 = new GossipDigestAck2Codec();

    private final List<byte[]> valid = List.of(
            syn.encode(new GossipDigestSyn("cluster", List.of(new GossipDigest(H, 1, 2),
                    new GossipDigest(Endpoint.of("10.0.0.2", 7001), 3, 4)))),
            ack.encode(new GossipDigestAck("cluster", List.of(new GossipDigest(H, 1, 2)), Map.of(H, sampleState()))),
            ack2.encode(new GossipDigestAck2("cluster", Map.of(H, sampleState()))));

    private final List<Function<byte[], ?>> decoders = List.of(syn::decode, ack::decode, ack2::decode);

    private static EndpointState sampleState() {
        return EndpointState.of(new HeartbeatState(9, 10))
                .with(ApplicationState.TOKENS, new VersionedValue("1,2,3", 7))
                .with(ApplicationState.STATUS, new VersionedValue("NORMAL", 8));
    }

    @Test
    void everyTruncationIsRejected() {
        for (int m = 0; m < valid.size(); m++) {
            byte[] bytes = valid.get(m);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                int finalM = m;
                assertThrows(MalformedMessageException.class, () -> decoders.get(finalM).apply(prefix),
                        "prefix of " + length + " bytes");
            }
        }
    }

    @Test
    void trailingBytesAreRejected() {
        for (int m = 0; m < valid.size(); m++) {
            byte[] longer = Arrays.copyOf(valid.get(m), valid.get(m).length + 1);
            int finalM = m;
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> decoders.get(finalM).apply(longer));
            assertTrue(e.getMessage().contains("trailing"), e.getMessage());
        }
    }

    @Test
    void anUnknownVersionOrTheWrongKindIsRejected() {
        byte[] v2 = valid.get(0).clone();
        v2[0] = 2;
        assertTrue(assertThrows(MalformedMessageException.class, () -> syn.decode(v2)).getMessage()
                .contains("unsupported gossip format version 2"));
        // An ACK handed to the SYN codec, and so on round.
        for (int m = 0; m < valid.size(); m++) {
            byte[] other = valid.get((m + 1) % valid.size());
            int finalM = m;
            assertThrows(MalformedMessageException.class, () -> decoders.get(finalM).apply(other));
        }
    }

    @Test
    void forgedCountsAndLengthsFailFastWithoutAllocating() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // A SYN claiming 2^31-1 digests in a 20-byte message.
            assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> writeInt(out, Integer.MAX_VALUE));
            // Within the limit but more than the bytes can hold.
            assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> writeInt(out, 9_000));
            // Over the endpoint limit, negative.
            assertRejected(syn, header(GossipWireFormat.KIND_SYN),
                    out -> writeInt(out, GossipWireFormat.MAX_ENDPOINTS + 1));
            assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> writeInt(out, -1));
            // A value claiming 2 GiB, 1 MiB + 1 and -5 bytes.
            for (int length : new int[] {Integer.MAX_VALUE, GossipWireFormat.MAX_VALUE_BYTES + 1, -5}) {
                assertRejected(ack2, header(GossipWireFormat.KIND_ACK2), out -> {
                    writeInt(out, 1);
                    writeEndpoint(out, "h", 7000);
                    writeLong(out, 1);
                    writeInt(out, 1);
                    out.write(1); // one value
                    out.write(ApplicationState.TOKENS.wireId());
                    writeInt(out, 1);
                    writeInt(out, length);
                    out.write('x');
                });
            }
        });
    }

    @Test
    void anOversizedMessageIsRejectedBeforeReading() {
        ByteBuffer huge = ByteBuffer.allocate(GossipWireFormat.MAX_MESSAGE_BYTES + 1);
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> ack2.decode(huge));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void invalidFieldsAreRejected() {
        // Bad endpoints: port 0, empty host, host with a space, invalid UTF-8.
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> digest(out, "h", 0, 1, 1));
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> digest(out, "", 7000, 1, 1));
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> digest(out, "a b", 7000, 1, 1));
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> {
            writeInt(out, 1);
            out.write(2);
            out.write(0xC3); // a lead byte followed by ASCII: not UTF-8
            out.write('x');
            out.write(new byte[] {0x1b, 0x58});
            writeLong(out, 1);
            writeInt(out, 1);
        });
        // Negative generation and version.
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> digest(out, "h", 7000, -1, 1));
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> digest(out, "h", 7000, 1, -1));
        // Empty cluster name.
        assertRejected(syn, out -> {
            out.write(1);
            out.write(GossipWireFormat.KIND_SYN);
            out.write(0);
            writeInt(out, 0);
        });
    }

    @Test
    void duplicatesAreRejected() {
        assertRejected(syn, header(GossipWireFormat.KIND_SYN), out -> {
            writeInt(out, 2);
            digestBody(out, "h", 7000, 1, 1);
            digestBody(out, "h", 7000, 1, 2);
        });
        assertRejected(ack2, header(GossipWireFormat.KIND_ACK2), out -> {
            writeInt(out, 2);
            stateBody(out, "h", ApplicationState.RACK.wireId(), ApplicationState.DATACENTER.wireId());
            stateBody(out, "h", ApplicationState.RACK.wireId());
        });
        assertRejected(ack2, header(GossipWireFormat.KIND_ACK2), out -> {
            writeInt(out, 1);
            stateBody(out, "h", ApplicationState.RACK.wireId(), ApplicationState.RACK.wireId());
        });
    }

    /** A newer peer's unknown key is skipped, not an error, so mixed-version clusters keep gossiping. */
    @Test
    void unknownStateKeysAreSkipped() {
        byte[] bytes = build(header(GossipWireFormat.KIND_ACK2), out -> {
            writeInt(out, 1);
            stateBody(out, "h", 200, ApplicationState.RACK.wireId());
        });
        EndpointState state = ack2.decode(bytes).states().get(Endpoint.of("h", 7000));
        assertEquals(Map.of(ApplicationState.RACK, new VersionedValue("v", 1)), state.states());
    }

    @Test
    void randomCorruptionOnlyEverRaisesMalformedMessageException() {
        SplittableRandom random = new SplittableRandom(TestSeed.pick("codec-fuzz"));
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            int m = random.nextInt(valid.size());
            byte[] bytes = valid.get(m).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                decoders.get(m).apply(bytes);
            } catch (MalformedMessageException expected) {
                rejected++;
            }
        }
        assertTrue(rejected > 1000, "most corruptions should be caught, got " + rejected);
    }

    @Test
    void theEncoderRefusesWhatPeersWouldReject() {
        List<GossipDigest> tooMany = new ArrayList<>();
        for (int i = 0; i <= GossipWireFormat.MAX_ENDPOINTS; i++) {
            tooMany.add(new GossipDigest(Endpoint.of("10.0." + (i / 256) + "." + (i % 256), 7000), 1, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> syn.encode(new GossipDigestSyn("c", tooMany)));
        String hugeValue = "x".repeat(GossipWireFormat.MAX_VALUE_BYTES + 1);
        assertThrows(IllegalArgumentException.class, () -> ack2.encode(new GossipDigestAck2("c", Map.of(H,
                EndpointState.of(new HeartbeatState(1, 1)).with(ApplicationState.TOKENS,
                        new VersionedValue(hugeValue, 1))))));
        assertThrows(IllegalArgumentException.class, () -> syn.encode(new GossipDigestSyn("n".repeat(256), List.of())));
        assertThrows(IllegalArgumentException.class, () -> syn.encode(new GossipDigestSyn("", List.of())));
    }

    // --- hand-built bytes --------------------------------------------------------------------

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static Writer header(int kind) {
        return out -> {
            out.write(1);
            out.write(kind);
            out.write(1);
            out.write('c');
        };
    }

    private static void assertRejected(GossipMessageCodec<?> codec, Writer... parts) {
        byte[] bytes = build(parts);
        assertThrows(MalformedMessageException.class, () -> codec.decode(bytes));
    }

    private static byte[] build(Writer... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes); // big-endian, like the format
        try {
            for (Writer w : parts) {
                w.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeInt(DataOutputStream out, int v) throws IOException {
        out.writeInt(v);
    }

    private static void writeLong(DataOutputStream out, long v) throws IOException {
        out.writeLong(v);
    }

    private static void writeEndpoint(DataOutputStream out, String host, int port) throws IOException {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        out.write(h.length);
        out.write(h);
        out.writeShort(port);
    }

    private static void digest(DataOutputStream out, String host, int port, long gen, int version)
            throws IOException {
        writeInt(out, 1);
        digestBody(out, host, port, gen, version);
    }

    private static void digestBody(DataOutputStream out, String host, int port, long gen, int version)
            throws IOException {
        writeEndpoint(out, host, port);
        writeLong(out, gen);
        writeInt(out, version);
    }

    /** An endpoint state at h:7000 with one value "v" (version 1) per given key id. */
    private static void stateBody(DataOutputStream out, String host, int... keyIds) throws IOException {
        writeEndpoint(out, host, 7000);
        writeLong(out, 1);
        writeInt(out, 1);
        out.write(keyIds.length);
        for (int id : keyIds) {
            out.write(id);
            writeInt(out, 1);
            writeInt(out, 1);
            out.write('v');
        }
    }
}
