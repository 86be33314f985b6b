package io.stratadb.node;

import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.stratadb.node.ErrorCodesTest.frame;
import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad bytes on one connection get an ERROR (or, when nobody is left to answer, a clean close) and never
 * disturb a well-behaved client on another connection, which is checked after each case.
 */
class MalformedInputTest {

    @TempDir
    static Path dir;
    static StrataNode node;
    static ProtocolClient goodClient;
    static int round;

    @BeforeAll
    static void start() throws IOException {
        node = new StrataNode(TestNodes.config(dir).maxValueSizeKb(64).maxFrameSizeMb(1).build());
        node.start();
        goodClient = ProtocolClient.connect(node.clientAddress());
        goodClient.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (goodClient != null) {
            goodClient.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** The well-behaved client is served normally after every bad one. */
    @AfterEach
    void goodClientStillServed() throws IOException {
        String key = "good-" + round++;
        goodClient.expect(put("ks", key, "fine"), PutResult.class);
        assertEquals(bytes("fine"), goodClient.expect(get("ks", key), GetResult.class).result().value());
    }

    @Test
    void garbageBytesGetAnErrorAndAClose() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connectRaw(node.clientAddress())) {
            bad.sendRaw("GET / HTTP/1.1\r\nHost: strata\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Envelope answer = bad.receive();
            assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) answer.message()).code());
            assertTrue(bad.awaitClosedByServer());
        }
    }

    @Test
    void aFrameClaimingTwoGibibytesIsRefusedFromItsHeader() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connect(node.clientAddress())) {
            byte[] header = {1, 0, 0, 7, 0x10, (byte) 0x80, 0, 0, 0};
            bad.sendRaw(header);
            Envelope answer = bad.receive();
            assertEquals(7, answer.streamId());
            ErrorResponse error = (ErrorResponse) answer.message();
            assertEquals(ErrorCode.FRAME_TOO_LARGE, error.code());
            assertTrue(bad.awaitClosedByServer());
        }
    }

    @Test
    void theConfiguredFrameLimitIsEnforcedNotTheProtocolDefault() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connect(node.clientAddress())) {
            int justOver = (1 << 20) + 1; // max_frame_size_mb is 1 here; the protocol default is 16
            byte[] header = {1, 0, 0, 9, 0x11, (byte) (justOver >>> 24), (byte) (justOver >>> 16),
                    (byte) (justOver >>> 8), (byte) justOver};
            // Only the header: a body the server refuses to read would make its close a reset.
            bad.sendRaw(header);
            Envelope answer = bad.receive();
            assertEquals(9, answer.streamId());
            assertEquals(ErrorCode.FRAME_TOO_LARGE, ((ErrorResponse) answer.message()).code());
            assertTrue(bad.awaitClosedByServer());
        }
    }

    @Test
    void aTruncatedFrameFollowedByCloseEndsCleanly() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connect(node.clientAddress())) {
            byte[] partial = new byte[9 + 10];
            System.arraycopy(frame(3, 0x10, new byte[100]), 0, partial, 0, partial.length);
            bad.sendRaw(partial);
            bad.shutdownOutput();
            assertNull(bad.receive(), "nobody is left to answer: the server just closes");
        }
    }

    @Test
    void unknownAndReservedOpcodesAreProtocolErrorsOnTheirStream() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connect(node.clientAddress())) {
            bad.sendRaw(frame(11, 0x7E, new byte[0]));
            Envelope unknown = bad.receive();
            assertEquals(11, unknown.streamId());
            assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) unknown.message()).code());
            bad.sendRaw(frame(12, 0x1D, new byte[0]));
            ErrorResponse reserved = (ErrorResponse) bad.receive().message();
            assertEquals(ErrorCode.PROTOCOL_ERROR, reserved.code());
            assertTrue(reserved.message().contains("reserved"), reserved.message());
            bad.sendRaw(frame(13, 0x10, new byte[] {0, 50, 1}));
            assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) bad.receive().message()).code());
            // Each error was confined to its frame: the connection goes on.
            bad.expect(put("ks", "after-bad-opcodes", "v"), PutResult.class);
        }
    }

    @Test
    void requestsBeforeTheHandshakeAreRefusedButTheConnectionStaysOpen() throws IOException {
        try (ProtocolClient early = ProtocolClient.connectRaw(node.clientAddress())) {
            early.expectError(new ListKeyspacesRequest(), ErrorCode.PROTOCOL_ERROR);
            early.expectError(get("ks", "k"), ErrorCode.PROTOCOL_ERROR);
            early.hello(Hello.of("late", List.of()));
            early.expect(put("ks", "after-hello", "v"), PutResult.class);
            early.expectError(Hello.of("again", List.of()), ErrorCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void anUnsupportedProtocolVersionIsRefused() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connectRaw(node.clientAddress())) {
            byte[] f = frame(5, 0x01, new byte[0]);
            f[0] = 0x09;
            bad.sendRaw(f);
            Envelope answer = bad.receive();
            assertEquals(5, answer.streamId());
            assertEquals(ErrorCode.PROTOCOL_ERROR, ((ErrorResponse) answer.message()).code());
            assertTrue(bad.awaitClosedByServer());
        }
    }

    @Test
    void protocolErrorsAreCounted() throws IOException {
        try (ProtocolClient bad = ProtocolClient.connect(node.clientAddress())) {
            bad.sendRaw(frame(11, 0x7E, new byte[0]));
            bad.receive();
        }
        assertTrue(node.metricsSnapshot().get("client.error.protocol-error", "count").longValue() >= 1);
    }
}
