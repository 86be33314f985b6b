package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * SCAN (0x14): one page of rows in ring order (token, then key bytes). Body: {@code string keyspace,
 * u8 consistency, u8 hasPagingKey, [key pagingKey], i32 limit}. Without a paging key the scan starts at
 * the beginning of the ring; with one it resumes strictly after that key.
 */
public record ScanRequest(String keyspace, ConsistencyLevel consistency, Optional<Bytes> pagingKey, int limit)
        implements DataRequest {
    public ScanRequest {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(pagingKey, "pagingKey");
        pagingKey.ifPresent(Keys::checkKey);
        if (limit < 0) {
            throw new IllegalArgumentException("negative limit " + limit);
        }
    }

    @Override
    public Opcode opcode() {
        return Opcode.SCAN;
    }

    public static final class Codec implements BodyCodec<ScanRequest> {
        @Override
        public void encode(ScanRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).bool(m.pagingKey.isPresent());
            m.pagingKey.ifPresent(out::key);
            out.i32(m.limit);
        }

        @Override
        public ScanRequest decode(BodyReader in) {
            String keyspace = in.string("keyspace");
            ConsistencyLevel cl = in.consistency();
            Optional<Bytes> paging = in.bool("hasPagingKey") ? Optional.of(in.key("pagingKey")) : Optional.empty();
            return new ScanRequest(keyspace, cl, paging, in.nonNegativeI32("limit"));
        }
    }
}
