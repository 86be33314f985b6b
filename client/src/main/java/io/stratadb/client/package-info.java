/**
 * The public Java client: {@link io.stratadb.client.StrataClient} and its builder, per-request options,
 * and result types ({@link io.stratadb.client.ReadResult}, {@link io.stratadb.client.CasResult} of the
 * serial writes, ...). Start at {@code StrataClient.builder()}; docs/client.md has the guide. The exceptions
 * are in {@code io.stratadb.client.exception}; the packages below this one are internals, except {@code
 * protocol} (wire types some results reuse) and {@code routing} (the load-balancing seam).
 */
package io.stratadb.client;
