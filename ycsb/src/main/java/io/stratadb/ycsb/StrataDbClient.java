package io.stratadb.ycsb;

import io.stratadb.client.KeyValue;
import io.stratadb.client.PagingState;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.ScanPage;
import io.stratadb.client.StrataClient;
import io.stratadb.client.WriteOptions;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import site.ycsb.ByteArrayByteIterator;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;

/**
 * The YCSB binding: {@code bin/strata-ycsb load|run -P WORKLOAD -p strata.hosts=...}.
 *
 * <p>Properties: {@code strata.hosts} (comma-separated host:port, default 127.0.0.1:9470),
 * {@code strata.keyspace} (default ycsb; created if absent), {@code strata.rf} (default 1),
 * {@code strata.readconsistency} and {@code strata.writeconsistency} (default ONE),
 * {@code strata.timeoutms} (default 10000).
 *
 * <p>A record is stored as one value holding all its fields. An update of some fields therefore reads
 * the record, merges and writes it back (two round trips), which is what a key-value store must do to
 * honour YCSB's partial-update semantics. Scans run in ring order (the order StrataDB stores keys) and
 * start just after the given key, as YCSB bindings of hash-partitioned stores do.
 */
public final class StrataDbClient extends DB {

    private StrataClient client;
    private RequestOptions readOptions;
    private WriteOptions writeOptions;

    @Override
    public void init() throws DBException {
        Properties p = getProperties();
        List<String> hosts = Arrays.asList(p.getProperty("strata.hosts", "127.0.0.1:9470").split(","));
        String keyspace = p.getProperty("strata.keyspace", "ycsb");
        Duration timeout = Duration.ofMillis(Long.parseLong(p.getProperty("strata.timeoutms", "10000")));
        ConsistencyLevel readCl = ConsistencyLevel.valueOf(p.getProperty("strata.readconsistency", "ONE").toUpperCase());
        ConsistencyLevel writeCl = ConsistencyLevel.valueOf(p.getProperty("strata.writeconsistency", "ONE").toUpperCase());
        int rf = Integer.parseInt(p.getProperty("strata.rf", "1"));
        try {
            client = SharedClient.acquire(hosts, timeout);
            client.createKeyspace(keyspace, new ReplicationSettings.Simple(rf), true, RequestOptions.defaults());
        } catch (RuntimeException e) {
            throw new DBException("cannot connect to StrataDB at " + hosts + ": " + e.getMessage(), e);
        }
        readOptions = RequestOptions.defaults().withKeyspace(keyspace).withConsistency(readCl);
        writeOptions = WriteOptions.defaults().withKeyspace(keyspace).withConsistency(writeCl);
    }

    @Override
    public void cleanup() {
        if (client != null) {
            SharedClient.release();
            client = null;
        }
    }

    @Override
    public Status read(String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
        try {
            ReadResult r = client.get(utf8(key), readOptions);
            if (!r.isPresent()) {
                return Status.NOT_FOUND;
            }
            copyFields(RecordCodec.decode(r.value()), fields, result);
            return Status.OK;
        } catch (RuntimeException e) {
            return Status.ERROR;
        }
    }

    @Override
    public Status scan(String table, String startkey, int recordcount, Set<String> fields,
                       Vector<HashMap<String, ByteIterator>> result) {
        try {
            ScanPage page = client.scan(PagingState.after(utf8(startkey)), recordcount, readOptions);
            for (KeyValue row : page.rows()) {
                HashMap<String, ByteIterator> record = new HashMap<>();
                copyFields(RecordCodec.decode(row.value()), fields, record);
                result.add(record);
            }
            return Status.OK;
        } catch (RuntimeException e) {
            return Status.ERROR;
        }
    }

    @Override
    public Status update(String table, String key, Map<String, ByteIterator> values) {
        try {
            ReadResult existing = client.get(utf8(key), readOptions);
            Map<String, byte[]> fields = existing.isPresent() ? RecordCodec.decode(existing.value()) : new LinkedHashMap<>();
            values.forEach((name, v) -> fields.put(name, v.toArray()));
            client.put(utf8(key), RecordCodec.encode(fields), writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return Status.ERROR;
        }
    }

    @Override
    public Status insert(String table, String key, Map<String, ByteIterator> values) {
        try {
            Map<String, byte[]> fields = new LinkedHashMap<>();
            values.forEach((name, v) -> fields.put(name, v.toArray()));
            client.put(utf8(key), RecordCodec.encode(fields), writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return Status.ERROR;
        }
    }

    @Override
    public Status delete(String table, String key) {
        try {
            client.delete(utf8(key), writeOptions);
            return Status.OK;
        } catch (RuntimeException e) {
            return Status.ERROR;
        }
    }

    private static void copyFields(Map<String, byte[]> stored, Set<String> wanted, Map<String, ByteIterator> out) {
        stored.forEach((name, value) -> {
            if (wanted == null || wanted.contains(name)) {
                out.put(name, new ByteArrayByteIterator(value));
            }
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
