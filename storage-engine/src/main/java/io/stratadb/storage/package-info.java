/**
 * One node's durable map {@code (table, key) -> cell}: {@link io.stratadb.storage.StorageEngine} is
 * the entry point; {@link io.stratadb.storage.Cell} defines what a stored version is and which of two
 * versions wins.
 */
package io.stratadb.storage;
