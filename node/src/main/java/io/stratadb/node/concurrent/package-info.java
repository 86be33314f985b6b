/**
 * Threads and scheduling for the node: the one thread factory, the bounded stages that keep blocking
 * work (disk reads, schema fsyncs) off the event loops, and the request-timeout timer.
 */
package io.stratadb.node.concurrent;
