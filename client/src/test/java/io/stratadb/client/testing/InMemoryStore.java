package io.stratadb.client.testing;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.Row;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A one-node key-value store answering protocol requests, for driver tests: what a real node would answer,
 * minus replication, TTL expiry and durability. Rows are kept in ring order (token, then key bytes), so
 * scans page as the real thing does. Timestamps come from a counter, so they are distinct and increasing.
 * Synchronized: the fake server calls it from its event loop, tests from their own thread.
 */
public final class InMemoryStore {
    private static final Murmur3Partitioner PARTITIONER = new Murmur3Partitioner();
    private static final Comparator<Bytes> RING_ORDER = Comparator
            .comparingLong((Bytes k) -> PARTITIONER.tokenValue(k.unsafeArray())).thenComparing(k -> k);

    private record Cell(Bytes value, long timestampMicros, boolean tombstone) {
    }

    private final Map<String, KeyspaceDefinition> keyspaces = new TreeMap<>();
    private final Map<String, TreeMap<Bytes, Cell>> data = new TreeMap<>();
    private long clock = 1_700_000_000_000_000L;
    private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 9470);

    synchronized void setAddress(InetSocketAddress address) {
        this.address = address;
    }

    public synchronized Response handle(Request request) {
        if (request instanceof DataRequest d && !keyspaces.containsKey(d.keyspace())) {
            return ErrorResponse.unknownKeyspace(d.keyspace());
        }
        if (request instanceof GetRequest r) {
            return new GetResult(read(r.keyspace(), r.key()));
        }
        if (request instanceof PutRequest r) {
            if (r.ttlSeconds().isPresent() && r.ttlSeconds().getAsInt() <= 0) {
                return ErrorResponse.of(ErrorCode.INVALID_REQUEST, "TTL must be positive");
            }
            long ts = r.timestampMicros().orElse(++clock);
            write(r.keyspace(), r.key(), new Cell(r.value(), ts, false));
            return new PutResult(ts);
        }
        if (request instanceof DeleteRequest r) {
            long ts = r.timestampMicros().orElse(++clock);
            write(r.keyspace(), r.key(), new Cell(Bytes.EMPTY, ts, true));
            return new DeleteResult(ts);
        }
        if (request instanceof SerialWriteRequest r) {
            return serialWrite(r);
        }
        if (request instanceof MultiGetRequest r) {
            List<KeyedValue> results = new ArrayList<>();
            for (Bytes key : r.keys()) {
                results.add(new KeyedValue(key, read(r.keyspace(), key)));
            }
            return new MultiGetResult(results);
        }
        if (request instanceof ScanRequest r) {
            return scan(r);
        }
        if (request instanceof CreateKeyspaceRequest r) {
            String name = r.keyspace().name();
            if (keyspaces.containsKey(name)) {
                return r.ifNotExists() ? new CreateKeyspaceResult(false) : ErrorResponse.alreadyExists(name);
            }
            keyspaces.put(name, r.keyspace());
            data.put(name, new TreeMap<>(RING_ORDER));
            return new CreateKeyspaceResult(true);
        }
        if (request instanceof DropKeyspaceRequest r) {
            if (keyspaces.remove(r.name()) == null) {
                return r.ifExists() ? new DropKeyspaceResult(false) : ErrorResponse.unknownKeyspace(r.name());
            }
            data.remove(r.name());
            return new DropKeyspaceResult(true);
        }
        if (request instanceof ListKeyspacesRequest) {
            return new ListKeyspacesResult(List.copyOf(keyspaces.values()));
        }
        if (request instanceof TopologyRequest) {
            return topology();
        }
        return ErrorResponse.of(ErrorCode.INVALID_REQUEST, "the fake server does not do " + request.opcode());
    }

    /**
     * A serial write on one node with a lock: the condition and the write happen atomically, which is what
     * Paxos gives a real cluster. Conditions compare the live value byte for byte; absent matches only
     * PUT_IF_ABSENT.
     */
    private Response serialWrite(SerialWriteRequest request) {
        ValueResult current = read(request.keyspace(), request.key());
        Bytes newValue;
        boolean tombstone = false;
        if (request instanceof PutIfAbsentRequest r) {
            if (current.found()) {
                return SerialWriteResult.notApplied(r.opcode(), current);
            }
            newValue = r.value();
        } else if (request instanceof CasRequest r) {
            if (!current.found() || !current.value().equals(r.expected())) {
                return SerialWriteResult.notApplied(r.opcode(), current);
            }
            newValue = r.newValue();
        } else if (request instanceof DeleteIfRequest r) {
            if (!current.found() || !current.value().equals(r.expected())) {
                return SerialWriteResult.notApplied(r.opcode(), current);
            }
            newValue = Bytes.EMPTY;
            tombstone = true;
        } else {
            newValue = ((SerialPutRequest) request).value();
        }
        write(request.keyspace(), request.key(), new Cell(newValue, ++clock, tombstone));
        return SerialWriteResult.applied(request.opcode());
    }

    /** A one-node ring: this server owns every token. */
    public synchronized TopologyResult topology() {
        NodeDescription self = new NodeDescription("node-1", address, "dc1", "rack1", NodeState.UP, List.of(0L));
        return new TopologyResult(Murmur3Partitioner.NAME, List.of(self), keyspaces());
    }

    /** The keyspaces created so far. */
    public synchronized List<KeyspaceDefinition> keyspaces() {
        return List.copyOf(keyspaces.values());
    }

    private ValueResult read(String keyspace, Bytes key) {
        Cell cell = data.get(keyspace).get(key);
        return cell == null || cell.tombstone ? ValueResult.absent() : ValueResult.of(cell.value, cell.timestampMicros);
    }

    /** Newest timestamp wins; a tie goes to the larger value, as on a real node. */
    private void write(String keyspace, Bytes key, Cell cell) {
        data.get(keyspace).merge(key, cell, (old, neu) -> neu.timestampMicros > old.timestampMicros
                || (neu.timestampMicros == old.timestampMicros && neu.value.compareTo(old.value) > 0) ? neu : old);
    }

    private ScanResult scan(ScanRequest r) {
        TreeMap<Bytes, Cell> rows = data.get(r.keyspace());
        Map<Bytes, Cell> from = r.pagingKey().isPresent() ? rows.tailMap(r.pagingKey().get(), false) : rows;
        List<Row> page = new ArrayList<>();
        Bytes last = null;
        boolean more = false;
        for (Map.Entry<Bytes, Cell> e : from.entrySet()) {
            if (page.size() == r.limit()) {
                more = true;
                break;
            }
            last = e.getKey();
            if (!e.getValue().tombstone) {
                page.add(new Row(e.getKey(), e.getValue().value, e.getValue().timestampMicros));
            }
        }
        return new ScanResult(page, more ? Optional.of(last) : Optional.empty());
    }
}
