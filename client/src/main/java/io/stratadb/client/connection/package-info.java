/**
 * One multiplexed connection to a node: opening it and the HELLO/READY handshake ({@link
 * io.stratadb.client.connection.ConnectionFactory}, {@link io.stratadb.client.connection.ClientHandshakeHandler}),
 * stream ids and the table of requests in flight ({@link io.stratadb.client.connection.StreamIdAllocator},
 * {@link io.stratadb.client.connection.InFlightRequests}, {@link io.stratadb.client.connection.RequestMultiplexer}),
 * the in-flight bound ({@link io.stratadb.client.connection.InFlightLimit}), per-request timeouts, and
 * write coalescing ({@link io.stratadb.client.connection.WriteCoalescer}). Internal to the client.
 */
package io.stratadb.client.connection;
