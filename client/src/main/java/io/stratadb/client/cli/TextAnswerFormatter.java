package io.stratadb.client.cli;

import io.stratadb.client.KeyValue;
import io.stratadb.client.ReadResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * For people: {@code OK}, a bare value, {@code (not found)}, {@code applied}, {@code not applied (current: v)},
 * {@code ERROR TIMEOUT: ...}. Values that could be
 * misread (empty, with spaces or line breaks, starting with a parenthesis) are printed double-quoted with
 * the escapes the CLI reads, so every answer stays on one line and can be pasted back as input.
 */
final class TextAnswerFormatter implements AnswerFormatter {
    static final String NOT_FOUND = "(not found)";

    @Override
    public String format(Answer answer, boolean oneLine) {
        if (answer instanceof Answer.Done) {
            return "OK";
        }
        if (answer instanceof Answer.Value v) {
            return v.value() == null ? NOT_FOUND : CommandLineTokenizer.quoteIfNeeded(v.value());
        }
        if (answer instanceof Answer.Conditional c) {
            return c.applied() ? "applied" : "not applied (current: "
                    + (c.current() == null ? NOT_FOUND : CommandLineTokenizer.quoteIfNeeded(c.current())) + ")";
        }
        if (answer instanceof Answer.Values v) {
            return v.results().isEmpty() ? "(none)" : v.results().stream().map(TextAnswerFormatter::entry)
                    .collect(Collectors.joining(" "));
        }
        if (answer instanceof Answer.Keyspaces k) {
            return k.keyspaces().isEmpty() ? "(none)" : k.keyspaces().stream()
                    .map(d -> d.name() + "(" + AnswerFormatter.replication(d.replication()) + ")")
                    .collect(Collectors.joining(" "));
        }
        if (answer instanceof Answer.Rows r) {
            String rows = r.rows().isEmpty() ? "(no rows)" : r.rows().stream().map(TextAnswerFormatter::row)
                    .collect(Collectors.joining(" "));
            return rows + (r.next() == null ? " (end)" : " (next: " + r.next() + ")");
        }
        if (answer instanceof Answer.Topology t) {
            return topology(t.topology());
        }
        if (answer instanceof Answer.Help h) {
            return oneLine ? Arrays.stream(h.text().split("\n")).map(String::strip).collect(Collectors.joining("; "))
                    : h.text();
        }
        Answer.Failure f = (Answer.Failure) answer;
        return "ERROR " + f.status() + ": " + singleLine(f.message());
    }

    private static String entry(ReadResult r) {
        return CommandLineTokenizer.quoteIfNeeded(r.keyAsString()) + "="
                + (r.isPresent() ? CommandLineTokenizer.quoteIfNeeded(r.valueAsString()) : NOT_FOUND);
    }

    private static String row(KeyValue kv) {
        return CommandLineTokenizer.quoteIfNeeded(kv.keyAsString()) + "="
                + CommandLineTokenizer.quoteIfNeeded(kv.valueAsString());
    }

    private static String topology(TopologyResult t) {
        String nodes = t.nodes().stream().map(TextAnswerFormatter::node).collect(Collectors.joining(", "));
        String keyspaces = t.keyspaces().stream().map(KeyspaceDefinition::name).collect(Collectors.joining(" "));
        return t.partitioner() + "; nodes: " + (nodes.isEmpty() ? "(none)" : nodes) + "; keyspaces: "
                + (keyspaces.isEmpty() ? "(none)" : keyspaces);
    }

    private static String node(NodeDescription n) {
        return n.hostId() + "@" + AnswerFormatter.address(n.clientAddress()) + " " + n.datacenter() + "/" + n.rack()
                + " " + n.state() + " " + n.tokens().size() + " tokens";
    }

    private static String singleLine(String message) {
        return message == null ? "" : message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
