package io.stratadb.node.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GOSSIPINFO: every endpoint's gossip state as this node holds it, in endpoint order. */
public record GossipReport(String hostId, List<EndpointInfo> endpoints) {

    public GossipReport {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * One endpoint. {@code phi} is this node's failure-detector suspicion of it, {@code null} when not a
     * finite number (JSON has no infinity); {@code states} maps application state names to value and
     * version.
     */
    public record EndpointInfo(String endpoint, String hostId, long generation, int heartbeat, Double phi,
                               Map<String, Versioned> states) {
        public EndpointInfo {
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        }
    }

    public record Versioned(String value, int version) {
    }
}
