package io.stratadb.node.service;

import io.stratadb.client.protocol.message.admin.AdminCommand;
import io.stratadb.client.protocol.message.admin.AdminRequest;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.node.admin.AdminJson;
import io.stratadb.node.admin.NodeAdmin;
import io.stratadb.node.errors.RequestException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * ADMIN: runs one admin command of {@link NodeAdmin}. Reports read memory only and are answered on the
 * event loop; flush and compaction wait for the disk, possibly for minutes, so they run on
 * {@code maintenance}, an executor the node gives for that (a single thread suits: two major compactions
 * at once would only compete for the same disk).
 */
public final class AdminHandler implements RequestHandler<AdminRequest> {

    private final NodeAdmin admin;
    private final Executor maintenance;
    private final AdminJson json = new AdminJson();

    public AdminHandler(NodeAdmin admin, Executor maintenance) {
        this.admin = admin;
        this.maintenance = maintenance;
    }

    @Override
    public Class<AdminRequest> requestType() {
        return AdminRequest.class;
    }

    @Override
    public CompletableFuture<AdminResult> handle(AdminRequest r) {
        AdminCommand command = AdminCommand.fromWireName(r.command());
        if (command == null) {
            throw RequestException.invalid("unknown admin command '" + r.command() + "'; known: " + AdminCommand.names());
        }
        for (String argument : r.arguments().keySet()) {
            if (!command.arguments().contains(argument)) {
                throw RequestException.invalid("admin command " + command.wireName() + " takes no argument '"
                        + argument + "'" + (command.arguments().isEmpty() ? "" : "; it takes " + command.arguments()));
            }
        }
        String keyspace = r.arguments().get(AdminCommand.KEYSPACE);
        Supplier<AdminResult> work = () -> new AdminResult(command.wireName(), json.write(command, report(command, keyspace)));
        if (!command.isMaintenance()) {
            return CompletableFuture.completedFuture(work.get());
        }
        try {
            return CompletableFuture.supplyAsync(work, maintenance);
        } catch (RejectedExecutionException e) {
            throw RequestException.overloaded("admin " + command.wireName() + " refused: " + e.getMessage());
        }
    }

    private Object report(AdminCommand command, String keyspace) {
        return switch (command) {
            case STATUS -> admin.status();
            case RING -> admin.ring();
            case INFO -> admin.info();
            case FLUSH -> admin.flush(keyspace);
            case COMPACT -> admin.compact(keyspace);
            case GOSSIPINFO -> admin.gossipInfo();
            case HINTS -> admin.hints();
        };
    }
}
