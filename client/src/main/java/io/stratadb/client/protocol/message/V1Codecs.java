package io.stratadb.client.protocol.message;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.admin.AdminRequest;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;

/** The opcode table of protocol version 1: every opcode of {@link Opcode} with its message class and codec. */
public final class V1Codecs {
    private V1Codecs() {
    }

    /** A new registry; cheap, so each server or client builds its own. */
    public static CodecRegistry registry() {
        return CodecRegistry.builder()
                .register(Opcode.HELLO, Hello.class, new Hello.Codec())
                .register(Opcode.READY, Ready.class, new Ready.Codec())
                .register(Opcode.ERROR, ErrorResponse.class, new ErrorResponse.Codec())
                .register(Opcode.GET, GetRequest.class, new GetRequest.Codec())
                .register(Opcode.GET_RESULT, GetResult.class, new GetResult.Codec())
                .register(Opcode.PUT, PutRequest.class, new PutRequest.Codec())
                .register(Opcode.PUT_RESULT, PutResult.class, new PutResult.Codec())
                .register(Opcode.DELETE, DeleteRequest.class, new DeleteRequest.Codec())
                .register(Opcode.DELETE_RESULT, DeleteResult.class, new DeleteResult.Codec())
                .register(Opcode.MULTI_GET, MultiGetRequest.class, new MultiGetRequest.Codec())
                .register(Opcode.MULTI_GET_RESULT, MultiGetResult.class, new MultiGetResult.Codec())
                .register(Opcode.SCAN, ScanRequest.class, new ScanRequest.Codec())
                .register(Opcode.SCAN_RESULT, ScanResult.class, new ScanResult.Codec())
                .register(Opcode.PUT_IF_ABSENT, PutIfAbsentRequest.class, new PutIfAbsentRequest.Codec())
                .register(Opcode.PUT_IF_ABSENT_RESULT, SerialWriteResult.class,
                        new SerialWriteResult.Codec(Opcode.PUT_IF_ABSENT_RESULT))
                .register(Opcode.CAS, CasRequest.class, new CasRequest.Codec())
                .register(Opcode.CAS_RESULT, SerialWriteResult.class, new SerialWriteResult.Codec(Opcode.CAS_RESULT))
                .register(Opcode.DELETE_IF, DeleteIfRequest.class, new DeleteIfRequest.Codec())
                .register(Opcode.DELETE_IF_RESULT, SerialWriteResult.class,
                        new SerialWriteResult.Codec(Opcode.DELETE_IF_RESULT))
                .register(Opcode.SERIAL_PUT, SerialPutRequest.class, new SerialPutRequest.Codec())
                .register(Opcode.SERIAL_PUT_RESULT, SerialWriteResult.class,
                        new SerialWriteResult.Codec(Opcode.SERIAL_PUT_RESULT))
                .register(Opcode.CREATE_KEYSPACE, CreateKeyspaceRequest.class, new CreateKeyspaceRequest.Codec())
                .register(Opcode.CREATE_KEYSPACE_RESULT, CreateKeyspaceResult.class, new CreateKeyspaceResult.Codec())
                .register(Opcode.DROP_KEYSPACE, DropKeyspaceRequest.class, new DropKeyspaceRequest.Codec())
                .register(Opcode.DROP_KEYSPACE_RESULT, DropKeyspaceResult.class, new DropKeyspaceResult.Codec())
                .register(Opcode.LIST_KEYSPACES, ListKeyspacesRequest.class, new ListKeyspacesRequest.Codec())
                .register(Opcode.LIST_KEYSPACES_RESULT, ListKeyspacesResult.class, new ListKeyspacesResult.Codec())
                .register(Opcode.TOPOLOGY, TopologyRequest.class, new TopologyRequest.Codec())
                .register(Opcode.TOPOLOGY_RESULT, TopologyResult.class, new TopologyResult.Codec())
                .register(Opcode.ADMIN, AdminRequest.class, new AdminRequest.Codec())
                .register(Opcode.ADMIN_RESULT, AdminResult.class, new AdminResult.Codec())
                .build();
    }
}
