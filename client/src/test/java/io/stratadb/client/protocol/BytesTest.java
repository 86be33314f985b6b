package io.stratadb.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void valueSemanticsAndUnsignedOrder() {
        byte[] raw = {1, 2, (byte) 0xFF};
        Bytes a = Bytes.copyOf(raw);
        raw[0] = 9;
        assertEquals(Bytes.wrap(new byte[] {1, 2, (byte) 0xFF}), a, "copyOf must copy");
        assertEquals(a.hashCode(), Bytes.copyOf(new byte[] {1, 2, (byte) 0xFF}).hashCode());
        assertNotEquals(a, Bytes.ofUtf8("x"));
        assertTrue(Bytes.wrap(new byte[] {(byte) 0x80}).compareTo(Bytes.wrap(new byte[] {0x7F})) > 0);
        assertTrue(Bytes.EMPTY.compareTo(Bytes.wrap(new byte[] {0})) < 0);
        assertSame(Bytes.EMPTY, Bytes.copyOf(new byte[0]));
        assertEquals("0x0102ff", a.toString());
        assertTrue(Bytes.wrap(new byte[40]).toString().endsWith("...(40 bytes)"));
    }
}
