/**
 * Keyspaces: name and replication rules, the immutable {@link io.stratadb.node.schema.Schema} snapshot with
 * its version digest, and {@link io.stratadb.node.schema.SchemaStore}, which keeps the definitions in the
 * {@code system_schema} storage table.
 */
package io.stratadb.node.schema;
