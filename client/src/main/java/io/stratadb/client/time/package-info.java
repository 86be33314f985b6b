/**
 * Time as the client sees it: the {@link io.stratadb.client.time.Ticker} seam that timing logic reads
 * instead of {@code System.nanoTime()}, so tests can drive it by hand.
 */
package io.stratadb.client.time;
