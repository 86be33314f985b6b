package io.stratadb.client.protocol.message.admin;

import java.util.Locale;
import java.util.Set;

/**
 * The admin commands a node understands, by the name an {@link AdminRequest} carries. Shared by the node,
 * which serves them, and {@code bin/strata-admin}, which sends them, so the two cannot disagree on a name
 * or an argument.
 */
public enum AdminCommand {
    /** Every node of the ring: address, placement, state, load, ownership, token count. */
    STATUS(false),
    /** Every token of the ring with its owner. */
    RING(false),
    /** The answering node itself: uptime, load, schema, generation, heap, data directory, keyspaces. */
    INFO(false),
    /** Flushes every memtable to SSTables; argument {@code keyspace} names one that must exist. */
    FLUSH(true, "keyspace"),
    /** Major compaction of every table, or of one keyspace's table (argument {@code keyspace}). */
    COMPACT(true, "keyspace"),
    /** Every endpoint's gossip state as this node has it, with its phi. */
    GOSSIPINFO(false),
    /** Hints waiting on this node, per target node. */
    HINTS(false);

    /** The argument naming a keyspace (FLUSH, COMPACT); the constants above spell it out because an enum
     *  constant cannot refer to its own enum's static fields. */
    public static final String KEYSPACE = "keyspace";

    private final boolean maintenance;
    private final Set<String> arguments;

    AdminCommand(boolean maintenance, String... arguments) {
        this.maintenance = maintenance;
        this.arguments = Set.of(arguments);
    }

    /** The name on the wire and on the command line: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for commands that do disk work and may run for minutes (the server runs them off the event loop). */
    public boolean isMaintenance() {
        return maintenance;
    }

    /** Argument names the command accepts; all are optional. */
    public Set<String> arguments() {
        return arguments;
    }

    /** The command with this wire name (any case), or {@code null}. */
    public static AdminCommand fromWireName(String name) {
        for (AdminCommand c : values()) {
            if (c.wireName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** The wire names, for messages that list what is valid. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (AdminCommand c : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.wireName());
        }
        return sb.toString();
    }
}
