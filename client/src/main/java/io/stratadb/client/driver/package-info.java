/**
 * The client's engine room, below the public {@link io.stratadb.client.StrataClient}: the threads it owns
 * ({@link io.stratadb.client.driver.ClientResources}), the {@link io.stratadb.client.driver.RequestDispatcher}
 * that walks a load-balancing plan to a connection and retries where the retry policy allows, and the
 * {@link io.stratadb.client.driver.TopologyMonitor} that keeps the client's view of the ring current.
 * Internal to the client.
 */
package io.stratadb.client.driver;
