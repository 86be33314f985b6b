/**
 * Per-key Paxos for lightweight transactions (compare-and-set and friends), without any I/O: ballots,
 * the acceptor's rules ({@link io.stratadb.node.paxos.PaxosAcceptor}, a pure function of state and
 * request), the proposer of one operation as a state machine ({@link io.stratadb.node.paxos.PaxosProposer}:
 * responses and timer wake-ups in, messages and an outcome out), the per-key state and its durable store.
 * The protocol, its message flow and why it is linearizable are in {@code docs/paxos.md}.
 */
package io.stratadb.node.paxos;
