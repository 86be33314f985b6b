package io.stratadb.client.cli;

import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import java.net.InetSocketAddress;
import java.util.stream.Collectors;

/** Renders an {@link Answer} as what the CLI prints. */
interface AnswerFormatter {
    /**
     * The answer as text; a single line when {@code oneLine} (stdin mode, where each command gets exactly
     * one line), possibly several otherwise.
     */
    String format(Answer answer, boolean oneLine);

    /** {@code 10.0.0.1:9470}, without the leading slash of {@link InetSocketAddress#toString()}. */
    static String address(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** {@code rf=3}, or {@code dc1=3,dc2=2}. */
    static String replication(ReplicationSettings replication) {
        if (replication instanceof ReplicationSettings.Simple s) {
            return "rf=" + s.replicationFactor();
        }
        return ((ReplicationSettings.NetworkTopology) replication).replicationByDatacenter().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
