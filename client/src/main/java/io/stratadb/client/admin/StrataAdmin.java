package io.stratadb.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.client.routing.ContactPointsOnlyPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code bin/strata-admin}: sends one admin command to one node and prints the answer. The client is
 * built with that node as its only contact point and a {@link ContactPointsOnlyPolicy}, so the answer is
 * that node's own view (the default, token-aware client could send it to any node it learnt of). Exit status: 0 on success, 1 if the node could not be reached or the
 * command failed, 2 for a usage error. Answers go to stdout, errors to stderr.
 */
public final class StrataAdmin {
    private final PrintStream out;
    private final PrintStream err;

    public StrataAdmin(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Before any logger exists: warnings to stderr only, so stdout carries nothing but answers.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/stratadb/client/cli/logback-cli.xml");
        }
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new StrataAdmin(stdout, System.err).run(args));
    }

    /** Runs one command; returns the exit status. */
    public int run(String[] args) {
        AdminOptions options;
        try {
            options = AdminOptions.parse(args);
        } catch (AdminUsageException e) {
            err.println("strata-admin: " + e.getMessage());
            err.print(AdminOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(AdminOptions.USAGE);
            return 0;
        }
        AdminResult result;
        try (StrataClient client = StrataClient.builder().contactPoints(options.host()).ioThreads(1)
                .loadBalancingPolicy(new ContactPointsOnlyPolicy()).build()) {
            result = client.admin(options.command().wireName(), options.arguments(),
                    RequestOptions.defaults().withTimeout(options.effectiveTimeout()));
        } catch (NoNodeAvailableException e) {
            err.println("strata-admin: cannot connect to " + options.host() + ": " + e.getMessage());
            return 1;
        } catch (StrataException e) {
            err.println("strata-admin: " + options.command().wireName() + " failed on " + options.host() + ": "
                    + (e.code() != null ? e.code() + ": " : "") + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("strata-admin: " + e.getMessage());
            return 2;
        }
        if (options.json()) {
            out.println(result.json());
            return 0;
        }
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(result.json());
        } catch (IOException e) {
            err.println("strata-admin: the node's answer is not valid JSON: " + e.getMessage());
            return 1;
        }
        out.println(new AdminTextFormatter().format(options.command(), doc));
        return 0;
    }
}
