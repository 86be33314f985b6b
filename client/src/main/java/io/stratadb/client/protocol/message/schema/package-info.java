/**
 * Keyspace and cluster metadata messages: CREATE_KEYSPACE, DROP_KEYSPACE, LIST_KEYSPACES and TOPOLOGY, with
 * the value types they share (replication settings, node descriptions). Layouts: docs/protocol.md,
 * "Schema and topology messages".
 */
package io.stratadb.client.protocol.message.schema;
