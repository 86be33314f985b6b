/**
 * The Paxos verbs' payloads (prepare, promise, propose, accept, commit, commit ack), one record per verb
 * with its codec beside it. Verb ids 20-25 are reserved for them; their byte layouts are in
 * {@code docs/paxos.md}.
 */
package io.stratadb.node.paxos.message;
