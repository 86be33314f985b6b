/** Test helpers for the protocol: random messages, raw frame builders, channel plumbing. */
package io.stratadb.client.protocol.testing;
