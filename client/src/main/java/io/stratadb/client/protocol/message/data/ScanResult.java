package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SCAN_RESULT (0x94): a page of rows and where the next page starts. Body: {@code list<(key, value,
 * i64 timestamp)>, u8 hasNext, [key nextPagingKey]}. No next paging key means the scan is complete; a
 * page may be shorter than the limit (even empty) and still have a next page.
 */
public record ScanResult(List<Row> rows, Optional<Bytes> nextPagingKey) implements Response {
    public ScanResult {
        rows = List.copyOf(rows);
        Objects.requireNonNull(nextPagingKey, "nextPagingKey");
    }

    @Override
    public Opcode opcode() {
        return Opcode.SCAN_RESULT;
    }

    public static final class Codec implements BodyCodec<ScanResult> {
        @Override
        public void encode(ScanResult m, BodyWriter out) {
            out.list(m.rows, (w, row) -> w.key(row.key()).value(row.value()).i64(row.writeTimestampMicros()));
            out.bool(m.nextPagingKey.isPresent());
            m.nextPagingKey.ifPresent(out::key);
        }

        @Override
        public ScanResult decode(BodyReader in) {
            List<Row> rows = in.list("rows", 14, r -> new Row(r.key("key"), r.value("value"), r.i64()));
            Optional<Bytes> next = in.bool("hasNext") ? Optional.of(in.key("nextPagingKey")) : Optional.empty();
            return new ScanResult(rows, next);
        }

        @Override
        public int estimatedSize(ScanResult m) {
            return 8 + m.rows.stream().mapToInt(r -> 14 + r.key().length() + r.value().length()).sum();
        }
    }
}
