/**
 * The exceptions the Java client throws for a failed request, all under {@link
 * io.stratadb.client.exception.StrataException}. Most are a server's ERROR answer, one subclass per kind of
 * failure a caller may handle differently, built by {@link
 * io.stratadb.client.exception.StrataExceptionFactory}. A few are detected by the client itself and carry
 * no error code: {@link io.stratadb.client.exception.ConnectionException}, {@link
 * io.stratadb.client.exception.NoNodeAvailableException}, {@link
 * io.stratadb.client.exception.BusyConnectionException}, and a client-side {@link
 * io.stratadb.client.exception.RequestTimeoutException}. Decode-side failures on a connection are {@link
 * io.stratadb.client.protocol.ProtocolException}s instead.
 */
package io.stratadb.client.exception;
