/**
 * Which node a request goes to: the {@link io.stratadb.client.routing.LoadBalancingPolicy} seam, its
 * round-robin implementation, and the {@link io.stratadb.client.routing.Node} and {@link
 * io.stratadb.client.routing.RoutingInfo} it works with. Token-aware routing will be another policy here.
 */
package io.stratadb.client.routing;
