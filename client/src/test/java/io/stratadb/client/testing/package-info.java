/**
 * Test fixtures for the Java client: a fake server built from the protocol's server-side handlers over an
 * in-memory store, several of them answering TOPOLOGY as one cluster ({@link
 * io.stratadb.client.testing.FakeCluster}), and a hand-driven timer and ticker.
 */
package io.stratadb.client.testing;
