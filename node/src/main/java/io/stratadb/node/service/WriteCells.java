package io.stratadb.node.service;

import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds the cell a PUT or DELETE writes, checking what the storage engine would otherwise refuse only
 * after the request was under way: value size, TTL range, timestamp sign. Those are INVALID_REQUEST here,
 * before anything is sent anywhere.
 */
final class WriteCells {

    private final TimestampSource timestamps;
    private final Clock clock;
    private final int maxValueBytes;

    WriteCells(TimestampSource timestamps, Clock clock, int maxValueBytes) {
        this.timestamps = timestamps;
        this.clock = clock;
        this.maxValueBytes = maxValueBytes;
    }

    Cell value(byte[] value, OptionalInt ttlSeconds, OptionalLong clientTimestamp) {
        if (value.length > maxValueBytes) {
            throw RequestException.invalid("value of " + value.length + " bytes exceeds the maximum of "
                    + maxValueBytes + " bytes (max_value_size_kb)");
        }
        long ts = timestamp(clientTimestamp);
        if (ttlSeconds.isEmpty()) {
            return Cell.value(value, ts);
        }
        int ttl = ttlSeconds.getAsInt();
        if (ttl <= 0) {
            throw RequestException.invalid("ttl must be positive, got " + ttl);
        }
        long expiry = clock.currentTimeSeconds() + ttl;
        if (expiry >= Cell.NO_DELETION_TIME) {
            throw RequestException.invalid("ttl of " + ttl + " seconds expires after 2038-01-19, the latest expiry "
                    + "this version can store");
        }
        return Cell.expiring(value, ts, (int) expiry);
    }

    Cell tombstone(OptionalLong clientTimestamp) {
        return Cell.tombstone(timestamp(clientTimestamp), (int) clock.currentTimeSeconds());
    }

    private long timestamp(OptionalLong clientTimestamp) {
        if (clientTimestamp.isEmpty()) {
            return timestamps.nextTimestampMicros();
        }
        long ts = clientTimestamp.getAsLong();
        if (ts < 0) {
            throw RequestException.invalid("timestamp must not be negative, got " + ts);
        }
        return ts;
    }
}
