/**
 * The node's metrics: request rates and latencies per operation, errors by code, connections and
 * in-flight requests, kept in a per-node Dropwizard registry beside the storage engine's, and a plain
 * snapshot of all of them for the admin tool.
 */
package io.stratadb.node.metrics;
