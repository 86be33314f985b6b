package io.stratadb.node.schema;

/**
 * The storage tables the node keeps for itself. User keyspaces cannot be named {@code system...}, so
 * their tables never collide with these.
 */
public final class SystemTables {

    /** One row per keyspace: name -> definition (see {@link KeyspaceRecordCodec}). */
    public static final String SCHEMA = "system_schema";
    /** This node's identity: host id, tokens, cluster name. */
    public static final String LOCAL = "system_local";

    private SystemTables() {
    }

    public static boolean isSystem(String table) {
        return table.startsWith("system_");
    }
}
