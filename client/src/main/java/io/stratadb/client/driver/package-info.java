/**
 * The client's engine room, below the public {@link io.stratadb.client.StrataClient}: the threads it owns
 * ({@link io.stratadb.client.driver.ClientResources}) and the {@link io.stratadb.client.driver.RequestDispatcher}
 * that walks a load-balancing plan to a connection. Internal to the client.
 */
package io.stratadb.client.driver;
