package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * One node of a TOPOLOGY result. Wire: {@code string hostId, inet clientAddress, string datacenter,
 * string rack, u8 state, list<i64 token>}, where {@code inet} is {@code u8 length (4 or 16), address
 * bytes, u16 port}. Addresses are raw IPs so a client never resolves names it was given.
 */
public record NodeDescription(String hostId, InetSocketAddress clientAddress, String datacenter, String rack,
                              NodeState state, List<Long> tokens) {
    public NodeDescription {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (clientAddress.isUnresolved()) {
            throw new IllegalArgumentException("client address must be an IP address: " + clientAddress);
        }
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(rack, "rack");
        Objects.requireNonNull(state, "state");
        tokens = List.copyOf(tokens);
    }

    static void write(BodyWriter out, NodeDescription n) {
        out.string(n.hostId);
        byte[] ip = n.clientAddress.getAddress().getAddress();
        out.u8(ip.length);
        for (byte b : ip) {
            out.u8(b);
        }
        out.u16(n.clientAddress.getPort());
        out.string(n.datacenter).string(n.rack).u8(n.state.code()).list(n.tokens, BodyWriter::i64);
    }

    static NodeDescription read(BodyReader in) {
        String hostId = in.string("hostId");
        int length = in.u8();
        if (length != 4 && length != 16) {
            throw in.malformed("inet address of " + length + " bytes");
        }
        byte[] ip = new byte[length];
        for (int i = 0; i < length; i++) {
            ip[i] = (byte) in.u8();
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByAddress(ip), in.u16());
        } catch (UnknownHostException e) {
            throw in.malformed("bad inet address: " + e.getMessage());
        }
        String dc = in.string("datacenter");
        String rack = in.string("rack");
        int stateCode = in.u8();
        NodeState state = NodeState.fromCode(stateCode);
        if (state == null) {
            throw in.malformed("unknown node state 0x" + Integer.toHexString(stateCode));
        }
        return new NodeDescription(hostId, address, dc, rack, state, in.list("tokens", 8, BodyReader::i64));
    }
}
