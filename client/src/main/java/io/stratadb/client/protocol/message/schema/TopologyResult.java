package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.List;
import java.util.Objects;

/**
 * TOPOLOGY_RESULT (0xA3): everything a client needs to compute replicas itself. Body: {@code string
 * partitioner, list<node description>, list<keyspace definition>}.
 */
public record TopologyResult(String partitioner, List<NodeDescription> nodes, List<KeyspaceDefinition> keyspaces)
        implements Response {
    public TopologyResult {
        Objects.requireNonNull(partitioner, "partitioner");
        nodes = List.copyOf(nodes);
        keyspaces = List.copyOf(keyspaces);
    }

    @Override
    public Opcode opcode() {
        return Opcode.TOPOLOGY_RESULT;
    }

    public static final class Codec implements BodyCodec<TopologyResult> {
        @Override
        public void encode(TopologyResult m, BodyWriter out) {
            out.string(m.partitioner).list(m.nodes, NodeDescription::write).list(m.keyspaces, KeyspaceDefinition::write);
        }

        @Override
        public TopologyResult decode(BodyReader in) {
            return new TopologyResult(in.string("partitioner"), in.list("nodes", 18, NodeDescription::read),
                    in.list("keyspaces", 7, KeyspaceDefinition::read));
        }

        @Override
        public int estimatedSize(TopologyResult m) {
            return 64 + m.nodes.stream().mapToInt(n -> 64 + 8 * n.tokens().size()).sum() + 32 * m.keyspaces.size();
        }
    }
}
