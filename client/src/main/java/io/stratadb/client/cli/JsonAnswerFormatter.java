package io.stratadb.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratadb.client.KeyValue;
import io.stratadb.client.ReadResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.io.UncheckedIOException;

/**
 * For scripts: one JSON object per answer, always on one line, with {@code "status"} first: {@code "ok"},
 * or the error's status name with a {@code "message"}. Keys and values are strings (UTF-8 decoded);
 * a missing value is {@code null}. A serial write answers {@code "applied"}, and when it was not applied the
 * {@code "value"} its condition was checked against.
 */
final class JsonAnswerFormatter implements AnswerFormatter {
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String format(Answer answer, boolean oneLine) {
        ObjectNode json = mapper.createObjectNode();
        if (answer instanceof Answer.Failure f) {
            json.put("status", f.status()).put("message", f.message());
        } else {
            json.put("status", "ok");
            fill(json, answer);
        }
        try {
            return mapper.writeValueAsString(json); // no pretty printing: never more than one line
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(ObjectNode json, Answer answer) {
        if (answer instanceof Answer.Value v) {
            json.put("value", v.value());
        } else if (answer instanceof Answer.Conditional c) {
            json.put("applied", c.applied());
            if (!c.applied()) {
                json.put("value", c.current());
            }
        } else if (answer instanceof Answer.Values v) {
            ArrayNode values = json.putArray("values");
            for (ReadResult r : v.results()) {
                values.addObject().put("key", r.keyAsString()).put("value", r.valueAsString());
            }
        } else if (answer instanceof Answer.Keyspaces k) {
            ArrayNode names = json.putArray("keyspaces");
            k.keyspaces().forEach(d -> names.add(d.name()));
        } else if (answer instanceof Answer.Rows r) {
            ArrayNode rows = json.putArray("rows");
            for (KeyValue kv : r.rows()) {
                rows.addObject().put("key", kv.keyAsString()).put("value", kv.valueAsString());
            }
            json.put("next", r.next());
        } else if (answer instanceof Answer.Topology t) {
            topology(json, t.topology());
        } else if (answer instanceof Answer.Help h) {
            json.put("help", h.text());
        }
    }

    private static void topology(ObjectNode json, TopologyResult t) {
        json.put("partitioner", t.partitioner());
        ArrayNode nodes = json.putArray("nodes");
        for (NodeDescription n : t.nodes()) {
            ObjectNode node = nodes.addObject().put("hostId", n.hostId())
                    .put("address", AnswerFormatter.address(n.clientAddress()))
                    .put("datacenter", n.datacenter()).put("rack", n.rack()).put("state", n.state().name());
            ArrayNode tokens = node.putArray("tokens");
            n.tokens().forEach(tokens::add);
        }
        ArrayNode keyspaces = json.putArray("keyspaces");
        for (KeyspaceDefinition d : t.keyspaces()) {
            ObjectNode ks = keyspaces.addObject().put("name", d.name());
            ObjectNode replication = ks.putObject("replication");
            if (d.replication() instanceof ReplicationSettings.Simple s) {
                replication.put("strategy", "simple").put("rf", s.replicationFactor());
            } else {
                replication.put("strategy", "network-topology");
                ObjectNode dcs = replication.putObject("datacenters");
                ((ReplicationSettings.NetworkTopology) d.replication()).replicationByDatacenter().forEach(dcs::put);
            }
        }
    }
}
