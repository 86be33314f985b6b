/**
 * Connection pooling: per node, a small number of multiplexed connections kept open, reconnected with
 * exponential backoff when they fail, and handed to requests round-robin among those with a free
 * in-flight permit.
 */
package io.stratadb.client.pool;
