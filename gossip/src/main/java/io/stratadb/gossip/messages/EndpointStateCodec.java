package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.VersionedValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A map of endpoint states: count (i32), then per endpoint: endpoint, generation (i64), heartbeat
 * version (i32), value count (u8), and per value: key id (u8), version (i32), length (i32), UTF-8.
 */
final class EndpointStateCodec {

    private EndpointStateCodec() {
    }

    static void writeMap(WireWriter out, Map<Endpoint, EndpointState> states) {
        WireWriter.checkCount(states.size(), GossipWireFormat.MAX_ENDPOINTS, "endpoint state count");
        out.i32(states.size());
        for (Map.Entry<Endpoint, EndpointState> e : states.entrySet()) {
            EndpointCodec.write(out, e.getKey());
            EndpointState state = e.getValue();
            out.i64(state.heartbeat().generation());
            out.i32(state.heartbeat().version());
            out.u8(state.states().size());
            for (Map.Entry<ApplicationState, VersionedValue> v : state.states().entrySet()) {
                byte[] value = WireWriter.utf8(v.getValue().value(), GossipWireFormat.MAX_VALUE_BYTES,
                        "value of " + v.getKey());
                out.u8(v.getKey().wireId());
                out.i32(v.getValue().version());
                out.i32(value.length);
                out.bytes(value);
            }
        }
    }

    static Map<Endpoint, EndpointState> readMap(WireReader in) {
        int n = in.count("endpoint state count", GossipWireFormat.MAX_ENDPOINTS, GossipWireFormat.MIN_STATE_BYTES);
        Map<Endpoint, EndpointState> states = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            Endpoint endpoint = EndpointCodec.read(in);
            EndpointState state = readState(in);
            if (states.putIfAbsent(endpoint, state) != null) {
                throw new MalformedMessageException("duplicate state for " + endpoint + " at offset " + at);
            }
        }
        return Collections.unmodifiableMap(states);
    }

    private static EndpointState readState(WireReader in) {
        int at = in.position();
        long generation = in.i64("generation");
        int heartbeatVersion = in.i32("heartbeat version");
        if (generation < 0 || heartbeatVersion < 0) {
            throw new MalformedMessageException("negative generation or heartbeat version at offset " + at);
        }
        int n = in.u8("value count");
        Map<ApplicationState, VersionedValue> values = new EnumMap<>(ApplicationState.class);
        Set<Integer> seenIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int entryAt = in.position();
            int id = in.u8("state key");
            int version = in.i32("state version");
            if (version < 0) {
                throw new MalformedMessageException("negative state version at offset " + entryAt);
            }
            int length = in.boundedInt("value length", GossipWireFormat.MAX_VALUE_BYTES);
            if (!seenIds.add(id)) {
                throw new MalformedMessageException("duplicate state key " + id + " at offset " + entryAt);
            }
            ApplicationState key = ApplicationState.fromWireId(id);
            if (key == null) {
                // A newer peer's key: skip it so mixed-version clusters keep gossiping.
                in.skip(length, "value of unknown key " + id);
                continue;
            }
            values.put(key, new VersionedValue(in.utf8(length, "value of " + key), version));
        }
        return new EndpointState(new HeartbeatState(generation, heartbeatVersion), values);
    }
}
