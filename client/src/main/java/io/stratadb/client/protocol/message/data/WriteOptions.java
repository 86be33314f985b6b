package io.stratadb.client.protocol.message.data;

/** Bits of the {@code u8 options} byte of PUT and DELETE saying which optional fields follow. */
final class WriteOptions {
    static final int HAS_TTL = 0x01;
    static final int HAS_TIMESTAMP = 0x02;

    private WriteOptions() {
    }
}
