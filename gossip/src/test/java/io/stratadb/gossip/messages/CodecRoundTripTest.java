package io.stratadb.gossip.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.VersionedValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every message survives encode/decode unchanged, and the bytes match {@code docs/gossip.md}. */
class CodecRoundTripTest {

    private final GossipDigestSynCodec synCodec = new GossipDigestSynCodec();
    private final GossipDigestAckCodec ackCodec = new GossipDigestAckCodec();
    private final GossipDigestAck2Codec ack2Codec = new GossipDigestAck2Codec();

    @Test
    void synRoundTrips() {
        roundTrip(new GossipDigestSyn("c", List.of()));
        roundTrip(new GossipDigestSyn("prod-cluster", List.of(
                new GossipDigest(Endpoint.of("127.0.0.1", 7000), 1_700_000_000L, 42),
                new GossipDigest(Endpoint.of("::1", 7001), 0, 0),
                new GossipDigest(Endpoint.of("node-3.example.com", 65535), Long.MAX_VALUE, Integer.MAX_VALUE))));
        roundTrip(new GossipDigestSyn("ş".repeat(127), List.of()));
    }

    @Test
    void ackRoundTripsWithEveryKindOfValue() {
        Map<ApplicationState, VersionedValue> all = new LinkedHashMap<>();
        int version = 1;
        for (ApplicationState key : ApplicationState.values()) {
            all.put(key, new VersionedValue(key.name().toLowerCase() + "-värde-✓", version++));
        }
        all.put(ApplicationState.LOAD, new VersionedValue("", 99));
        Map<Endpoint, EndpointState> states = new LinkedHashMap<>();
        states.put(Endpoint.of("10.0.0.1", 7000), new EndpointState(new HeartbeatState(5, 100), all));
        states.put(Endpoint.of("10.0.0.2", 7000), EndpointState.of(new HeartbeatState(6, 0)));
        roundTrip(new GossipDigestAck("c", List.of(new GossipDigest(Endpoint.of("10.0.0.3", 7000), 9, 0)), states));
        roundTrip(new GossipDigestAck("c", List.of(), Map.of()));
    }

    @Test
    void ack2RoundTripsIncludingAMaximalValue() {
        String big = "v".repeat(GossipWireFormat.MAX_VALUE_BYTES);
        roundTrip(new GossipDigestAck2("c", Map.of(Endpoint.of("h", 1), EndpointState.of(new HeartbeatState(1, 1))
                .with(ApplicationState.TOKENS, new VersionedValue(big, 2)))));
    }

    @Test
    void randomMessagesRoundTrip() {
        SplittableRandom random = new SplittableRandom(TestSeed.pick("codec-random"));
        for (int i = 0; i < 300; i++) {
            String cluster = "cluster-" + random.nextInt(1000);
            roundTrip(new GossipDigestSyn(cluster, randomDigests(random)));
            roundTrip(new GossipDigestAck(cluster, randomDigests(random), randomStates(random)));
            roundTrip(new GossipDigestAck2(cluster, randomStates(random)));
        }
    }

    /** Pins the layout in docs/gossip.md: any change here is a format change and needs a new version. */
    @Test
    void synBytesMatchTheDocumentedLayout() {
        byte[] bytes = synCodec.encode(new GossipDigestSyn("ab", List.of(
                new GossipDigest(Endpoint.of("h", 7000), 0x0102030405060708L, 0x0A0B0C0D))));
        assertEquals("01" + "01" + "02" + "6162"          // version, kind SYN, name length, "ab"
                + "00000001"                              // digest count
                + "01" + "68" + "1b58"                    // host length, "h", port 7000
                + "0102030405060708" + "0a0b0c0d",        // generation, max version
                HexFormat.of().formatHex(bytes));
    }

    @Test
    void ack2BytesMatchTheDocumentedLayout() {
        byte[] bytes = ack2Codec.encode(new GossipDigestAck2("c", Map.of(Endpoint.of("h", 1),
                EndpointState.of(new HeartbeatState(2, 3)).with(ApplicationState.RACK, new VersionedValue("r1", 4)))));
        assertEquals("01" + "03" + "01" + "63"          // version, kind ACK2, name length, "c"
                + "00000001"                              // state count
                + "01" + "68" + "0001"                    // endpoint h:1
                + "0000000000000002" + "00000003"         // generation, heartbeat version
                + "01"                                    // value count
                + "05" + "00000004" + "00000002" + "7231", // RACK id 5, version 4, length 2, "r1"
                HexFormat.of().formatHex(bytes));
    }

    @Test
    void decodingLeavesTheCallersBufferPositionAlone() {
        byte[] bytes = synCodec.encode(new GossipDigestSyn("c", List.of()));
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 4);
        buffer.position(4);
        buffer.put(bytes).position(4);
        assertEquals(new GossipDigestSyn("c", List.of()), synCodec.decode(buffer));
        assertEquals(4, buffer.position());
    }

    private void roundTrip(GossipDigestSyn m) {
        byte[] bytes = synCodec.encode(m);
        assertEquals(m, synCodec.decode(bytes));
        assertArrayEquals(bytes, synCodec.encode(synCodec.decode(bytes)));
    }

    private void roundTrip(GossipDigestAck m) {
        byte[] bytes = ackCodec.encode(m);
        assertEquals(m, ackCodec.decode(bytes));
        assertArrayEquals(bytes, ackCodec.encode(ackCodec.decode(bytes)));
    }

    private void roundTrip(GossipDigestAck2 m) {
        byte[] bytes = ack2Codec.encode(m);
        assertEquals(m, ack2Codec.decode(bytes));
        assertArrayEquals(bytes, ack2Codec.encode(ack2Codec.decode(bytes)));
    }

    private static List<GossipDigest> randomDigests(SplittableRandom random) {
        List<GossipDigest> out = new ArrayList<>();
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            out.add(new GossipDigest(Endpoint.of("10.1." + i + "." + random.nextInt(256), 1 + random.nextInt(65535)),
                    random.nextLong(Long.MAX_VALUE), random.nextInt(Integer.MAX_VALUE)));
        }
        return out;
    }

    private static Map<Endpoint, EndpointState> randomStates(SplittableRandom random) {
        Map<Endpoint, EndpointState> out = new LinkedHashMap<>();
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            EndpointState s = EndpointState.of(new HeartbeatState(random.nextLong(Long.MAX_VALUE),
                    random.nextInt(Integer.MAX_VALUE)));
            for (ApplicationState key : ApplicationState.values()) {
                if (random.nextBoolean()) {
                    s = s.with(key, new VersionedValue(randomText(random), random.nextInt(Integer.MAX_VALUE)));
                }
            }
            out.put(Endpoint.of("node-" + i, 7000 + i), s);
        }
        return out;
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f);
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
