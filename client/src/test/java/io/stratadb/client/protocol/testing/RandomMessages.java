package io.stratadb.client.protocol.testing;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.message.admin.AdminRequest;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.Row;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.KeyspaceDetails;
import io.stratadb.client.protocol.message.error.NoDetails;
import io.stratadb.client.protocol.message.error.TimeoutDetails;
import io.stratadb.client.protocol.message.error.TimeoutKind;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Random, valid instances of every message type, including edge values (empty, unicode, extremes). */
public final class RandomMessages {
    private final Random random;

    public RandomMessages(Random random) {
        this.random = random;
    }

    public Message of(Opcode opcode) {
        return switch (opcode) {
            case HELLO -> new Hello(list(1, 4, () -> 1 + random.nextInt(127)), options());
            case READY -> new Ready(1 + random.nextInt(127), options());
            case ERROR -> error();
            case GET -> new GetRequest(name(), cl(), key());
            case GET_RESULT -> new GetResult(valueResult());
            case PUT -> new PutRequest(name(), cl(), key(), value(),
                    random.nextBoolean() ? OptionalInt.of(random.nextInt()) : OptionalInt.empty(),
                    random.nextBoolean() ? OptionalLong.of(random.nextLong()) : OptionalLong.empty());
            case PUT_RESULT -> new PutResult(random.nextLong());
            case DELETE -> new DeleteRequest(name(), cl(), key(),
                    random.nextBoolean() ? OptionalLong.of(random.nextLong()) : OptionalLong.empty());
            case DELETE_RESULT -> new DeleteResult(random.nextLong());
            case MULTI_GET -> new MultiGetRequest(name(), cl(), list(0, 20, this::key));
            case MULTI_GET_RESULT -> new MultiGetResult(list(0, 20, () -> new KeyedValue(key(), valueResult())));
            case SCAN -> new ScanRequest(name(), cl(), random.nextBoolean() ? Optional.of(key()) : Optional.empty(),
                    random.nextInt(Integer.MAX_VALUE));
            case SCAN_RESULT -> new ScanResult(list(0, 20, () -> new Row(key(), value(), random.nextLong())),
                    random.nextBoolean() ? Optional.of(key()) : Optional.empty());
            case PUT_IF_ABSENT -> new PutIfAbsentRequest(name(), writeCl(), serialCl(), key(), value(), ttl());
            case CAS -> new CasRequest(name(), writeCl(), serialCl(), key(), value(), value(), ttl());
            case DELETE_IF -> new DeleteIfRequest(name(), writeCl(), serialCl(), key(), value());
            case SERIAL_PUT -> new SerialPutRequest(name(), writeCl(), serialCl(), key(), value(), ttl());
            case PUT_IF_ABSENT_RESULT, CAS_RESULT, DELETE_IF_RESULT -> random.nextBoolean()
                    ? new SerialWriteResult(opcode, true, Optional.empty())
                    : new SerialWriteResult(opcode, false, Optional.of(valueResult()));
            case SERIAL_PUT_RESULT -> new SerialWriteResult(opcode, true, Optional.empty());
            case CREATE_KEYSPACE -> new CreateKeyspaceRequest(keyspace(), random.nextBoolean());
            case CREATE_KEYSPACE_RESULT -> new CreateKeyspaceResult(random.nextBoolean());
            case DROP_KEYSPACE -> new DropKeyspaceRequest(name(), random.nextBoolean());
            case DROP_KEYSPACE_RESULT -> new DropKeyspaceResult(random.nextBoolean());
            case LIST_KEYSPACES -> new ListKeyspacesRequest();
            case LIST_KEYSPACES_RESULT -> new ListKeyspacesResult(list(0, 5, this::keyspace));
            case TOPOLOGY -> new TopologyRequest();
            case TOPOLOGY_RESULT -> new TopologyResult(name(), list(0, 6, this::node), list(0, 4, this::keyspace));
            case ADMIN -> new AdminRequest(name(), options());
            case ADMIN_RESULT -> new AdminResult(name(), "{\"version\":1,\"text\":\"" + name().replace("\\", "")
                    .replace("\"", "") + "\"}");
        };
    }

    public String name() {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            return "ks_\u00e9\u4e2d\ud83d\ude00"; // 2-, 3- and 4-byte UTF-8
        }
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    public ConsistencyLevel cl() {
        ConsistencyLevel[] all = ConsistencyLevel.values();
        return all[random.nextInt(all.length)];
    }

    /** A level a write may use: any but SERIAL and LOCAL_SERIAL. */
    public ConsistencyLevel writeCl() {
        ConsistencyLevel cl;
        do {
            cl = cl();
        } while (!cl.isValidForWrite());
        return cl;
    }

    public ConsistencyLevel serialCl() {
        return random.nextBoolean() ? ConsistencyLevel.SERIAL : ConsistencyLevel.LOCAL_SERIAL;
    }

    private OptionalInt ttl() {
        return random.nextBoolean() ? OptionalInt.of(random.nextInt()) : OptionalInt.empty();
    }

    public Bytes key() {
        int kind = random.nextInt(20);
        int length = kind == 0 ? 0 : kind == 1 ? 0xFFFF : random.nextInt(40);
        return bytes(length);
    }

    public Bytes value() {
        int kind = random.nextInt(20);
        int length = kind == 0 ? 0 : kind == 1 ? 100_000 + random.nextInt(100_000) : random.nextInt(300);
        return bytes(length);
    }

    public Bytes bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return Bytes.wrap(b);
    }

    private ValueResult valueResult() {
        return random.nextBoolean() ? ValueResult.absent() : ValueResult.of(value(), random.nextLong());
    }

    private ErrorResponse error() {
        ErrorCode[] codes = ErrorCode.values();
        ErrorCode code = codes[random.nextInt(codes.length)];
        return new ErrorResponse(code, name(), switch (code) {
            case UNAVAILABLE -> new UnavailableDetails(cl(), random.nextInt(), random.nextInt());
            case TIMEOUT -> new TimeoutDetails(cl(), TimeoutKind.values()[random.nextInt(TimeoutKind.values().length)],
                    random.nextInt(), random.nextInt());
            case UNKNOWN_KEYSPACE, ALREADY_EXISTS -> new KeyspaceDetails(name());
            default -> NoDetails.INSTANCE;
        });
    }

    private Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(name() + i, name());
        }
        return m;
    }

    private KeyspaceDefinition keyspace() {
        ReplicationSettings replication;
        if (random.nextBoolean()) {
            replication = new ReplicationSettings.Simple(random.nextInt(10));
        } else {
            Map<String, Integer> rfs = new TreeMap<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                rfs.put("dc" + i + name(), random.nextInt(5));
            }
            replication = new ReplicationSettings.NetworkTopology(rfs);
        }
        return new KeyspaceDefinition(name(), replication);
    }

    private NodeDescription node() {
        byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(ip);
        if (ip.length == 16) {
            ip[0] = (byte) 0x20; // not an IPv4-mapped address, which Java would turn into a 4-byte one
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByAddress(ip), random.nextInt(0x10000));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        NodeState[] states = NodeState.values();
        return new NodeDescription(name(), address, name(), name(), states[random.nextInt(states.length)],
                list(0, 16, random::nextLong));
    }

    private <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = min + random.nextInt(max - min + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }
}
