/**
 * The ERROR response: an {@link io.stratadb.client.protocol.ErrorCode}, a human-readable message and typed
 * details for the codes that have them (UNAVAILABLE, TIMEOUT, UNKNOWN_KEYSPACE, ALREADY_EXISTS). Layout:
 * docs/protocol.md, "ERROR".
 */
package io.stratadb.client.protocol.message.error;
