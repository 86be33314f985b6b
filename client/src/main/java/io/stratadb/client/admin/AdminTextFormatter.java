package io.stratadb.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratadb.client.protocol.message.admin.AdminCommand;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an ADMIN_RESULT document (fields: docs/protocol.md, "Admin") into what a person reads: a table for
 * lists, one {@code name: value} line per field otherwise. Unknown-to-the-node values (JSON null) print as
 * {@code ?}. Reads the document by field name, so a newer node's extra fields are simply not shown.
 */
final class AdminTextFormatter {

    String format(AdminCommand command, JsonNode doc) {
        return switch (command) {
            case STATUS -> status(doc);
            case RING -> ring(doc);
            case INFO -> info(doc);
            case FLUSH, COMPACT -> maintenance(command, doc);
            case GOSSIPINFO -> gossip(doc);
            case HINTS -> hints(doc);
        };
    }

    private static String status(JsonNode doc) {
        TextTable t = new TextTable("HOST ID", "ADDRESS", "DATACENTER", "RACK", "STATE", "LOAD", "OWNS", "TOKENS");
        for (JsonNode n : doc.path("nodes")) {
            t.row(text(n, "hostId") + (n.path("local").asBoolean() ? " *" : ""), text(n, "address"),
                    text(n, "datacenter"), text(n, "rack"), text(n, "state"), bytes(n.get("loadBytes")),
                    String.format(Locale.ROOT, "%.1f%%", n.path("ownershipPercent").asDouble()), text(n, "tokens"));
        }
        return t.render() + "(* the node that answered)";
    }

    private static String ring(JsonNode doc) {
        TextTable t = new TextTable("TOKEN", "ADDRESS", "HOST ID", "DATACENTER", "RACK", "STATE");
        for (JsonNode e : doc.path("tokens")) {
            t.row(text(e, "token"), text(e, "address"), text(e, "hostId"), text(e, "datacenter"), text(e, "rack"),
                    text(e, "state"));
        }
        return t.render().stripTrailing();
    }

    private static String info(JsonNode doc) {
        List<String> keyspaces = new ArrayList<>();
        for (JsonNode k : doc.path("keyspaces")) {
            keyspaces.add(text(k, "name") + " (" + text(k, "replication") + ")");
        }
        return String.join("\n",
                "Host ID:        " + text(doc, "hostId"),
                "Address:        " + text(doc, "address"),
                "Datacenter:     " + text(doc, "datacenter"),
                "Rack:           " + text(doc, "rack"),
                "Uptime:         " + duration(doc.path("uptimeSeconds").asLong()),
                "Load:           " + bytes(doc.get("loadBytes")),
                "Memtables:      " + bytes(doc.get("memtableBytes")),
                "Tokens:         " + text(doc, "tokens"),
                "Generation:     " + text(doc, "generation"),
                "Schema version: " + text(doc, "schemaVersion"),
                "Heap:           " + bytes(doc.get("heapUsedBytes")) + " used of " + bytes(doc.get("heapMaxBytes")),
                "Data directory: " + text(doc, "dataDirectory"),
                "Keyspaces:      " + (keyspaces.isEmpty() ? "(none)" : String.join(", ", keyspaces)));
    }

    private static String maintenance(AdminCommand command, JsonNode doc) {
        List<String> tables = new ArrayList<>();
        doc.path("tables").forEach(t -> tables.add(t.asText()));
        String what = command == AdminCommand.FLUSH ? "Flushed memtables" : "Compacted";
        String scope = doc.path("keyspace").isTextual() ? " of keyspace " + doc.get("keyspace").asText() : "";
        return what + scope + " in " + text(doc, "tookMillis") + " ms; tables: "
                + (tables.isEmpty() ? "(none)" : String.join(", ", tables)) + "; load now " + bytes(doc.get("loadBytes"));
    }

    private static String gossip(JsonNode doc) {
        if (doc.path("endpoints").isEmpty()) {
            return "(no gossip state: this node does not gossip, or knows no endpoint)";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : doc.path("endpoints")) {
            sb.append(text(e, "endpoint")).append('\n');
            sb.append("  host id: ").append(text(e, "hostId")).append(", generation: ").append(text(e, "generation"))
                    .append(", heartbeat: ").append(text(e, "heartbeat")).append(", phi: ")
                    .append(e.path("phi").isNumber() ? String.format(Locale.ROOT, "%.2f", e.get("phi").asDouble())
                            : "infinite").append('\n');
            Iterator<Map.Entry<String, JsonNode>> states = e.path("states").fields();
            while (states.hasNext()) {
                Map.Entry<String, JsonNode> s = states.next();
                sb.append("  ").append(s.getKey()).append(": ").append(text(s.getValue(), "value"))
                        .append(" (v").append(text(s.getValue(), "version")).append(")\n");
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String hints(JsonNode doc) {
        TextTable t = new TextTable("TARGET HOST ID", "ADDRESS", "PENDING");
        for (JsonNode h : doc.path("targets")) {
            t.row(text(h, "hostId"), h.path("address").isTextual() ? h.get("address").asText() : "(not in ring)",
                    text(h, "pending"));
        }
        return t.render() + "Total pending: " + text(doc, "totalPending");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "?" : v.asText();
    }

    /** Bytes in binary units with one decimal, e.g. {@code 1.5 MiB}; {@code ?} when unknown. */
    static String bytes(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return "?";
        }
        double b = value.asDouble();
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? (long) b + " B" : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }

    static String duration(long seconds) {
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return (d > 0 ? d + "d " : "") + (d > 0 || h > 0 ? h + "h " : "") + (d > 0 || h > 0 || m > 0 ? m + "m " : "")
                + s + "s";
    }
}
