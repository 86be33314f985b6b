/**
 * The exceptions the Java client throws when a server answers ERROR: {@link
 * io.stratadb.client.exception.StrataException} and one subclass per kind of failure a caller may handle
 * differently, all built from an ERROR response by {@link io.stratadb.client.exception.StrataExceptionFactory}.
 * Decode-side failures on a connection are {@link io.stratadb.client.protocol.ProtocolException}s instead.
 */
package io.stratadb.client.exception;
