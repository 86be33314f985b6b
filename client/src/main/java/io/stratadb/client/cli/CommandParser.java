package io.stratadb.client.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the words of one command ({@code put k v --ttl 60}) into a {@link CliCommand}. Options may come
 * anywhere after the command name; {@code --} ends them, so that a key or value may start with {@code --}.
 */
final class CommandParser {
    static final int DEFAULT_SCAN_LIMIT = 100;

    static final String USAGE = String.join("\n",
            "commands:",
            "  get KEY [--serial]                       read a key; --serial: linearizable (Paxos) read",
            "  put KEY VALUE [--ttl SECONDS] [--timestamp MICROS]",
            "                                           write a value",
            "  put KEY VALUE --serial [--ttl SECONDS]   write through Paxos, ordered with the key's serial operations",
            "  delete KEY [--timestamp MICROS]          delete a key",
            "  put-if-absent KEY VALUE [--ttl SECONDS]  write only if the key has no value",
            "  cas KEY EXPECTED NEW [--ttl SECONDS]     write NEW only if the value is EXPECTED",
            "  delete-if KEY EXPECTED                   delete only if the value is EXPECTED",
            "    serial writes answer 'applied' or 'not applied (current: VALUE)'; a request that fails",
            "    with TIMEOUT or CONTENTION may or may not have been applied",
            "  multi-get KEY...                         read several keys",
            "  scan [--limit N] [--page STATE]          one page of rows (default 100); STATE is a page's next",
            "  create-keyspace NAME --rf N [--if-not-exists]",
            "  drop-keyspace NAME [--if-exists]",
            "  keyspaces                                list keyspaces",
            "  topology                                 nodes, tokens and keyspaces",
            "  help                                     this list",
            "Values with spaces go in \"double quotes\" (\\\" \\\\ \\n \\t escapes) or 'single quotes'.");

    private CommandParser() {
    }

    static CliCommand parse(List<String> words) throws UsageException {
        if (words.isEmpty()) {
            throw new UsageException("no command");
        }
        String name = words.get(0);
        List<String> rest = words.subList(1, words.size());
        return switch (name) {
            case "get" -> {
                Arguments a = Arguments.of(rest, Set.of(), Set.of("--serial"));
                yield new CliCommand.Get(a.exactlyOne(name, "KEY"), a.flags.contains("--serial"));
            }
            case "put" -> {
                Arguments a = Arguments.of(rest, Set.of("--ttl", "--timestamp"), Set.of("--serial"));
                a.expectPositional(name, 2, "KEY VALUE");
                if (a.flags.contains("--serial")) {
                    if (a.has("--timestamp")) {
                        throw new UsageException("put --serial cannot take --timestamp: its Paxos ballot gives it one");
                    }
                    yield new CliCommand.SerialPut(a.positional.get(0), a.positional.get(1), a.ttl());
                }
                yield new CliCommand.Put(a.positional.get(0), a.positional.get(1), a.ttl(), a.timestamp());
            }
            case "put-if-absent" -> {
                Arguments a = Arguments.of(rest, Set.of("--ttl"), Set.of());
                a.expectPositional(name, 2, "KEY VALUE");
                yield new CliCommand.PutIfAbsent(a.positional.get(0), a.positional.get(1), a.ttl());
            }
            case "cas" -> {
                Arguments a = Arguments.of(rest, Set.of("--ttl"), Set.of());
                a.expectPositional(name, 3, "KEY EXPECTED NEW");
                yield new CliCommand.CompareAndSet(a.positional.get(0), a.positional.get(1), a.positional.get(2),
                        a.ttl());
            }
            case "delete-if" -> {
                Arguments a = Arguments.of(rest, Set.of(), Set.of());
                a.expectPositional(name, 2, "KEY EXPECTED");
                yield new CliCommand.DeleteIf(a.positional.get(0), a.positional.get(1));
            }
            case "delete" -> {
                Arguments a = Arguments.of(rest, Set.of("--timestamp"), Set.of());
                yield new CliCommand.Delete(a.exactlyOne(name, "KEY"), a.timestamp());
            }
            case "multi-get", "mget" -> {
                Arguments a = Arguments.of(rest, Set.of(), Set.of());
                if (a.positional.isEmpty()) {
                    throw new UsageException(name + " needs at least one KEY");
                }
                yield new CliCommand.MultiGet(List.copyOf(a.positional));
            }
            case "scan" -> {
                Arguments a = Arguments.of(rest, Set.of("--limit", "--page"), Set.of());
                a.expectPositional(name, 0, "no arguments besides options");
                int limit = a.has("--limit") ? a.positiveInt("--limit") : DEFAULT_SCAN_LIMIT;
                yield new CliCommand.Scan(limit, a.options.get("--page"));
            }
            case "create-keyspace" -> {
                Arguments a = Arguments.of(rest, Set.of("--rf"), Set.of("--if-not-exists"));
                String ks = a.exactlyOne(name, "NAME");
                if (!a.has("--rf")) {
                    throw new UsageException("create-keyspace needs --rf N");
                }
                yield new CliCommand.CreateKeyspace(ks, a.positiveInt("--rf"), a.flags.contains("--if-not-exists"));
            }
            case "drop-keyspace" -> {
                Arguments a = Arguments.of(rest, Set.of(), Set.of("--if-exists"));
                yield new CliCommand.DropKeyspace(a.exactlyOne(name, "NAME"), a.flags.contains("--if-exists"));
            }
            case "keyspaces" -> {
                Arguments.of(rest, Set.of(), Set.of()).expectPositional(name, 0, "no arguments");
                yield new CliCommand.ListKeyspaces();
            }
            case "topology" -> {
                Arguments.of(rest, Set.of(), Set.of()).expectPositional(name, 0, "no arguments");
                yield new CliCommand.Topology();
            }
            case "help" -> new CliCommand.Help();
            default -> throw new UsageException("unknown command '" + name + "' (try help)");
        };
    }

    /** A command's words sorted into positional arguments, options with a value, and flags. */
    private static final class Arguments {
        final List<String> positional = new ArrayList<>();
        final Map<String, String> options = new HashMap<>();
        final Set<String> flags = new HashSet<>();

        static Arguments of(List<String> words, Set<String> valueOptions, Set<String> flagOptions)
                throws UsageException {
            Arguments a = new Arguments();
            boolean optionsEnded = false;
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (optionsEnded || !w.startsWith("--")) {
                    a.positional.add(w);
                } else if (w.equals("--")) {
                    optionsEnded = true;
                } else if (valueOptions.contains(w)) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException(w + " needs a value");
                    }
                    if (a.options.put(w, words.get(++i)) != null) {
                        throw new UsageException(w + " given twice");
                    }
                } else if (flagOptions.contains(w)) {
                    a.flags.add(w);
                } else {
                    throw new UsageException("unknown option " + w);
                }
            }
            return a;
        }

        boolean has(String option) {
            return options.containsKey(option);
        }

        void expectPositional(String command, int count, String what) throws UsageException {
            if (positional.size() != count) {
                throw new UsageException(command + " takes " + what + ", got " + positional.size() + " argument(s)");
            }
        }

        String exactlyOne(String command, String what) throws UsageException {
            expectPositional(command, 1, what);
            return positional.get(0);
        }

        int positiveInt(String option) throws UsageException {
            String v = options.get(option);
            try {
                int n = Integer.parseInt(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " needs a positive whole number, not '" + v + "'");
        }

        OptionalInt ttl() throws UsageException {
            return has("--ttl") ? OptionalInt.of(positiveInt("--ttl")) : OptionalInt.empty();
        }

        OptionalLong timestamp() throws UsageException {
            String v = options.get("--timestamp");
            if (v == null) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new UsageException("--timestamp needs microseconds since the epoch, not '" + v + "'");
            }
        }
    }
}
