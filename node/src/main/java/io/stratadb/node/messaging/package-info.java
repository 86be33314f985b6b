/**
 * Internode messaging: verbs, the {@link io.stratadb.node.messaging.MessagingService} seam, request ids and
 * timeouts, message filters for partition tests, and its two transports, Netty over TCP and an in-memory
 * network for fast deterministic cluster tests. The wire format is in {@code docs/internode-protocol.md}.
 */
package io.stratadb.node.messaging;
