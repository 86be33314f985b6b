/**
 * Row requests and their results: GET, PUT, DELETE, MULTI_GET, SCAN, and the writes that run a Paxos round
 * (PUT_IF_ABSENT, CAS, DELETE_IF, SERIAL_PUT) with their shared {@link
 * io.stratadb.client.protocol.message.data.SerialWriteResult}. One record per opcode, each with its body codec
 * nested beside its fields; layouts are in docs/protocol.md, "Data messages" and "Serial writes".
 */
package io.stratadb.client.protocol.message.data;
