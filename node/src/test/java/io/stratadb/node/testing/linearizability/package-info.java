/**
 * A linearizability checker for histories of serial operations on registers (one register per key):
 * {@link io.stratadb.node.testing.linearizability.History} records invocations and completions (a
 * timeout is an unknown outcome that may or may not have taken effect),
 * {@link io.stratadb.node.testing.linearizability.RegisterModel} says what each operation kind does, and
 * {@link io.stratadb.node.testing.linearizability.LinearizabilityChecker} searches for a linearization
 * (Wing and Gong, with Lowe's memoization as in Porcupine) key by key.
 */
package io.stratadb.node.testing.linearizability;
