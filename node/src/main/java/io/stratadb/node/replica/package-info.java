/**
 * The replica side of internode messaging: small verb handlers that apply a MUTATION or a HINT, answer a
 * READ (full or digest) and a RANGE_READ from this node's storage, without blocking an I/O thread.
 */
package io.stratadb.node.replica;
