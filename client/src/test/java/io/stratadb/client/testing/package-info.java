/**
 * Test fixtures for the Java client: a fake server built from the protocol's server-side handlers over an
 * in-memory store, and a hand-driven timer.
 */
package io.stratadb.client.testing;
