/**
 * A deterministic in-memory world for gossip tests: one simulated clock, an event loop, a network
 * that encodes every message through the real codecs and can delay, drop and partition, and a
 * cluster of gossipers driven by it. Same seed, same run.
 */
package io.stratadb.gossip.sim;
