package io.stratadb.node;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.KeyspaceDetails;
import io.stratadb.client.protocol.message.error.UnavailableDetails;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyspaces, topology, and every error code a single node produces from a well-formed request
 * (OVERLOADED and the wire-level codes have their own test classes).
 */
class ErrorCodesTest {

    @TempDir
    static Path dir;
    static StrataNode node;
    static ProtocolClient client;

    @BeforeAll
    static void start() throws IOException {
        node = new StrataNode(TestNodes.config(dir).maxValueSizeKb(64).maxFrameSizeMb(1).build());
        node.start();
        client = ProtocolClient.connect(node.clientAddress());
        client.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
        client.expect(createKeyspace("rf3", 3), CreateKeyspaceResult.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void createListAndDropKeyspaces() throws IOException {
        assertTrue(client.expect(createKeyspace("temp", 1), CreateKeyspaceResult.class).created());
        CreateKeyspaceRequest again = createKeyspace("temp", 1);
        ErrorResponse exists = client.expectError(again, ErrorCode.ALREADY_EXISTS);
        assertEquals(new KeyspaceDetails("temp"), exists.details());
        assertFalse(client.expect(new CreateKeyspaceRequest(again.keyspace(), true), CreateKeyspaceResult.class).created());

        ListKeyspacesResult listed = client.expect(new ListKeyspacesRequest(), ListKeyspacesResult.class);
        assertTrue(listed.keyspaces().contains(new KeyspaceDefinition("temp", new ReplicationSettings.Simple(1))));

        client.expect(put("temp", "k", "v"), PutResult.class);
        assertTrue(client.expect(new DropKeyspaceRequest("temp", false), DropKeyspaceResult.class).dropped());
        client.expectError(get("temp", "k"), ErrorCode.UNKNOWN_KEYSPACE);
        client.expectError(new DropKeyspaceRequest("temp", false), ErrorCode.UNKNOWN_KEYSPACE);
        assertFalse(client.expect(new DropKeyspaceRequest("temp", true), DropKeyspaceResult.class).dropped());

        // Created again, it starts empty: the old table is never reused.
        client.expect(createKeyspace("temp", 1), CreateKeyspaceResult.class);
        assertFalse(client.expect(get("temp", "k"), GetResult.class).result().found());
    }

    @Test
    void networkTopologyKeyspaceInTheLocalDatacenterWorks() throws IOException {
        KeyspaceDefinition def = new KeyspaceDefinition("nts", new ReplicationSettings.NetworkTopology(Map.of("dc1", 1)));
        client.expect(new CreateKeyspaceRequest(def, false), CreateKeyspaceResult.class);
        client.expect(new PutRequest("nts", ConsistencyLevel.LOCAL_QUORUM, bytes("a"), bytes("b")), PutResult.class);
        assertTrue(client.expect(new GetRequest("nts", ConsistencyLevel.EACH_QUORUM, bytes("a")), GetResult.class)
                .result().found());
    }

    @Test
    void topologyDescribesThisNode() throws IOException {
        TopologyResult t = client.expect(new TopologyRequest(), TopologyResult.class);
        assertEquals("Murmur3Partitioner", t.partitioner());
        assertEquals(1, t.nodes().size());
        NodeDescription self = t.nodes().get(0);
        assertEquals(node.hostId(), self.hostId());
        assertEquals(node.clientAddress().getPort(), self.clientAddress().getPort());
        assertEquals("dc1", self.datacenter());
        assertEquals("rack1", self.rack());
        assertEquals(NodeState.UP, self.state());
        assertEquals(16, self.tokens().size());
        assertEquals(node.tokens(), self.tokens());
        assertTrue(t.keyspaces().stream().anyMatch(k -> k.name().equals("ks")));
    }

    @Test
    void unknownKeyspaceNamesTheKeyspace() throws IOException {
        ErrorResponse e = client.expectError(get("nope", "k"), ErrorCode.UNKNOWN_KEYSPACE);
        assertEquals(new KeyspaceDetails("nope"), e.details());
        client.expectError(put("nope", "k", "v"), ErrorCode.UNKNOWN_KEYSPACE);
        client.expectError(new ScanRequest("nope", ConsistencyLevel.ONE, Optional.empty(), 10), ErrorCode.UNKNOWN_KEYSPACE);
    }

    @Test
    void unavailableCarriesRequiredAndAliveCounts() throws IOException {
        ErrorResponse quorum = client.expectError(new PutRequest("rf3", ConsistencyLevel.QUORUM, bytes("k"), bytes("v")),
                ErrorCode.UNAVAILABLE);
        assertEquals(new UnavailableDetails(ConsistencyLevel.QUORUM, 2, 1), quorum.details());
        ErrorResponse all = client.expectError(new GetRequest("rf3", ConsistencyLevel.ALL, bytes("k")), ErrorCode.UNAVAILABLE);
        assertEquals(new UnavailableDetails(ConsistencyLevel.ALL, 3, 1), all.details());
        ErrorResponse two = client.expectError(new GetRequest("ks", ConsistencyLevel.TWO, bytes("k")), ErrorCode.UNAVAILABLE);
        assertEquals(new UnavailableDetails(ConsistencyLevel.TWO, 2, 1), two.details());
        KeyspaceDefinition elsewhere = new KeyspaceDefinition("otherdc",
                new ReplicationSettings.NetworkTopology(Map.of("dc2", 3)));
        client.expect(new CreateKeyspaceRequest(elsewhere, false), CreateKeyspaceResult.class);
        ErrorResponse none = client.expectError(new PutRequest("otherdc", ConsistencyLevel.ONE, bytes("k"), bytes("v")),
                ErrorCode.UNAVAILABLE);
        assertEquals(new UnavailableDetails(ConsistencyLevel.ONE, 1, 0), none.details());
        // UNAVAILABLE promises no effect: the QUORUM write above was not applied.
        client.expect(new PutRequest("rf3", ConsistencyLevel.ONE, bytes("k2"), bytes("v")), PutResult.class);
        assertFalse(client.expect(new GetRequest("rf3", ConsistencyLevel.ONE, bytes("k")), GetResult.class).result().found());
        assertTrue(client.expect(new GetRequest("rf3", ConsistencyLevel.ONE, bytes("k2")), GetResult.class).result().found());
    }

    @Test
    void invalidRequests() throws IOException {
        Bytes tooBig = Bytes.wrap(new byte[64 * 1024 + 1]);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, bytes("k"), tooBig), ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, bytes("k"), bytes("v"), OptionalInt.of(0),
                OptionalLong.empty()), ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, bytes("k"), bytes("v"), OptionalInt.of(-5),
                OptionalLong.empty()), ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, bytes("k"), bytes("v"),
                OptionalInt.of(Integer.MAX_VALUE), OptionalLong.empty()), ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, bytes("k"), bytes("v"), OptionalInt.empty(),
                OptionalLong.of(-1)), ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.ONE, Bytes.wrap(new byte[65_529]), bytes("v")),
                ErrorCode.INVALID_REQUEST);
        client.expectError(new PutRequest("ks", ConsistencyLevel.SERIAL, bytes("k"), bytes("v")), ErrorCode.INVALID_REQUEST);
        client.expectError(new DeleteRequest("ks", ConsistencyLevel.LOCAL_SERIAL, bytes("k")), ErrorCode.INVALID_REQUEST);
        client.expectError(new GetRequest("ks", ConsistencyLevel.ANY, bytes("k")), ErrorCode.INVALID_REQUEST);
        client.expectError(new MultiGetRequest("ks", ConsistencyLevel.SERIAL, List.of(bytes("k"))),
                ErrorCode.INVALID_REQUEST);
        client.expectError(new ScanRequest("ks", ConsistencyLevel.ONE, Optional.empty(), 0), ErrorCode.INVALID_REQUEST);
        client.expectError(createKeyspace("bad-name", 1), ErrorCode.INVALID_REQUEST);
        client.expectError(createKeyspace("x".repeat(49), 1), ErrorCode.INVALID_REQUEST);
        client.expectError(createKeyspace("system_mine", 1), ErrorCode.INVALID_REQUEST);
        client.expectError(createKeyspace("zero", 0), ErrorCode.INVALID_REQUEST);
        client.expectError(new CreateKeyspaceRequest(new KeyspaceDefinition("nodc",
                new ReplicationSettings.NetworkTopology(Map.of())), false), ErrorCode.INVALID_REQUEST);
        client.expectError(new DropKeyspaceRequest("system_schema", true), ErrorCode.INVALID_REQUEST);
        // None of them wrote anything.
        assertFalse(client.expect(get("ks", "k"), GetResult.class).result().found());
        // A 48-character name is fine.
        client.expect(createKeyspace("x".repeat(48), 1), CreateKeyspaceResult.class);
    }

    @Test
    void keyspaceNameThatIsNotUtf8IsInvalidAndTheConnectionGoesOn() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0, 2, (byte) 0xC3, 0x28}); // string: 2 bytes, not UTF-8
        body.write(ConsistencyLevel.ONE.code());
        body.write(new byte[] {0, 1, 'k'});
        client.sendRaw(frame(0x4242, 0x10, body.toByteArray()));
        Envelope answer = client.receive();
        assertEquals(0x4242, answer.streamId());
        assertEquals(ErrorCode.INVALID_REQUEST, ((ErrorResponse) answer.message()).code());
        client.expect(put("ks", "after", "ok"), PutResult.class);
    }

    static byte[] frame(int stream, int opcode, byte[] body) {
        byte[] f = new byte[9 + body.length];
        f[0] = 1;
        f[2] = (byte) (stream >> 8);
        f[3] = (byte) stream;
        f[4] = (byte) opcode;
        f[5] = (byte) (body.length >>> 24);
        f[6] = (byte) (body.length >>> 16);
        f[7] = (byte) (body.length >>> 8);
        f[8] = (byte) body.length;
        System.arraycopy(body, 0, f, 9, body.length);
        return f;
    }
}
