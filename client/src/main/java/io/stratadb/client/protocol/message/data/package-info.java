/**
 * Row requests and their results: GET, PUT, DELETE, MULTI_GET, SCAN. One record per opcode, each with its
 * body codec nested beside its fields; layouts are in docs/protocol.md, "Data messages".
 */
package io.stratadb.client.protocol.message.data;
