package io.stratadb.node.admin;

import java.util.List;

/**
 * FLUSH and COMPACT: what was done. {@code keyspace} is the one asked for, {@code null} for all;
 * {@code tables} the storage tables worked on; {@code loadBytes} the load afterwards.
 */
public record MaintenanceReport(String hostId, String keyspace, List<String> tables, long tookMillis,
                                long loadBytes) {

    public MaintenanceReport {
        tables = List.copyOf(tables);
    }
}
