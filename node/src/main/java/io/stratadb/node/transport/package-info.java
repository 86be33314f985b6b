/**
 * The client-facing Netty server: transport choice (epoll or NIO), the per-connection pipeline built
 * around the client module's protocol handlers, write coalescing, in-flight bounds, and the dispatcher
 * that hands decoded requests to their handlers and writes the answers back.
 */
package io.stratadb.node.transport;
