package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact output of both formatters; results with values are covered end to end in StrataCliTest. */
class AnswerFormatterTest {
    private final AnswerFormatter json = new JsonAnswerFormatter();
    private final AnswerFormatter text = new TextAnswerFormatter();

    private static final List<KeyspaceDefinition> KEYSPACES = List.of(
            new KeyspaceDefinition("app", new ReplicationSettings.Simple(3)),
            new KeyspaceDefinition("geo", new ReplicationSettings.NetworkTopology(Map.of("dc1", 3, "dc2", 2))));

    @Test
    void json() {
        assertEquals("{\"status\":\"ok\"}", json.format(new Answer.Done(), true));
        assertEquals("{\"status\":\"ok\",\"value\":\"v \\\"q\\\"\\n\"}", json.format(new Answer.Value("v \"q\"\n"), true));
        assertEquals("{\"status\":\"ok\",\"value\":null}", json.format(new Answer.Value(null), true));
        assertEquals("{\"status\":\"ok\",\"keyspaces\":[\"app\",\"geo\"]}", json.format(new Answer.Keyspaces(KEYSPACES), true));
        assertEquals("{\"status\":\"ok\",\"rows\":[],\"next\":null}", json.format(new Answer.Rows(List.of(), null), true));
        assertEquals("{\"status\":\"TIMEOUT\",\"message\":\"too slow\"}",
                json.format(new Answer.Failure("TIMEOUT", "too slow", 1), true));
        assertFalse(json.format(new Answer.Help(CommandParser.USAGE), true).contains("\n"), "one line");
    }

    @Test
    void serialWriteAnswers() {
        assertEquals("{\"status\":\"ok\",\"applied\":true}", json.format(new Answer.Conditional(true, null), true));
        assertEquals("{\"status\":\"ok\",\"applied\":false,\"value\":\"current\"}",
                json.format(new Answer.Conditional(false, "current"), true));
        assertEquals("{\"status\":\"ok\",\"applied\":false,\"value\":null}",
                json.format(new Answer.Conditional(false, null), true));
        assertEquals("applied", text.format(new Answer.Conditional(true, null), true));
        assertEquals("not applied (current: X)", text.format(new Answer.Conditional(false, "X"), true));
        assertEquals("not applied (current: \"two words\")", text.format(new Answer.Conditional(false, "two words"), true));
        assertEquals("not applied (current: \"\")", text.format(new Answer.Conditional(false, ""), true));
        assertEquals("not applied (current: (not found))", text.format(new Answer.Conditional(false, null), true));
    }

    @Test
    void jsonTopology() {
        TopologyResult topology = new TopologyResult("Murmur3Partitioner", List.of(new NodeDescription("h1",
                new InetSocketAddress("10.0.0.1", 9470), "dc1", "r1", NodeState.UP, List.of(-5L, 7L))), KEYSPACES);
        assertEquals("{\"status\":\"ok\",\"partitioner\":\"Murmur3Partitioner\",\"nodes\":[{\"hostId\":\"h1\","
                + "\"address\":\"10.0.0.1:9470\",\"datacenter\":\"dc1\",\"rack\":\"r1\",\"state\":\"UP\","
                + "\"tokens\":[-5,7]}],\"keyspaces\":[{\"name\":\"app\",\"replication\":{\"strategy\":\"simple\","
                + "\"rf\":3}},{\"name\":\"geo\",\"replication\":{\"strategy\":\"network-topology\","
                + "\"datacenters\":{\"dc1\":3,\"dc2\":2}}}]}", json.format(new Answer.Topology(topology), true));
        assertEquals("Murmur3Partitioner; nodes: h1@10.0.0.1:9470 dc1/r1 UP 2 tokens; keyspaces: app geo",
                text.format(new Answer.Topology(topology), true));
    }

    @Test
    void text() {
        assertEquals("OK", text.format(new Answer.Done(), true));
        assertEquals("v", text.format(new Answer.Value("v"), true));
        assertEquals("\"two words\"", text.format(new Answer.Value("two words"), true));
        assertEquals("\"line\\nbreak\"", text.format(new Answer.Value("line\nbreak"), true));
        assertEquals("(not found)", text.format(new Answer.Value(null), true));
        assertEquals("app(rf=3) geo(dc1=3,dc2=2)", text.format(new Answer.Keyspaces(KEYSPACES), true));
        assertEquals("(none)", text.format(new Answer.Keyspaces(List.of()), true));
        assertEquals("(no rows) (end)", text.format(new Answer.Rows(List.of(), null), true));
        assertEquals("ERROR UNAVAILABLE: 2 of 3 down", text.format(new Answer.Failure("UNAVAILABLE", "2 of 3\ndown", 1),
                true));
        assertFalse(text.format(new Answer.Help(CommandParser.USAGE), true).contains("\n"));
        assertEquals(CommandParser.USAGE, text.format(new Answer.Help(CommandParser.USAGE), false));
    }
}
