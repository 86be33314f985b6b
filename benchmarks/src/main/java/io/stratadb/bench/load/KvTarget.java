package io.stratadb.bench.load;

import java.util.concurrent.CompletableFuture;

/**
 * The database under load, as the generator sees it: asynchronous operations whose futures complete
 * when the database answered. A future that fails counts as an error of that operation.
 */
public interface KvTarget extends AutoCloseable {

    /** Called once before loading: create the keyspace or table the run uses. */
    void prepare() throws Exception;

    CompletableFuture<?> read(byte[] key);

    CompletableFuture<?> write(byte[] key, byte[] value);

    /** Up to {@code count} records from {@code startKey} on. */
    CompletableFuture<?> scan(byte[] startKey, int count);

    /** A linearizable read (SERIAL where the database has it): the value, or {@code null} if absent. */
    CompletableFuture<byte[]> serialRead(byte[] key);

    /**
     * Writes {@code newValue} only if the record's value is {@code expected} ({@code null}: only if the record
     * is absent, a put-if-absent). A failed future is an error of the operation (TIMEOUT, CONTENTION...).
     */
    CompletableFuture<CasOutcome> compareAndSet(byte[] key, byte[] expected, byte[] newValue);

    /** Reads the record, then writes a new value (YCSB's read-modify-write, two round trips). */
    default CompletableFuture<?> readModifyWrite(byte[] key, byte[] value) {
        return read(key).thenCompose(ignored -> write(key, value));
    }

    @Override
    void close();
}
