package io.stratadb.client.cli;

import io.stratadb.client.StrataClient;
import io.stratadb.client.StrataClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code bin/strata-cli}: runs one command given on the command line, or, without one, reads commands from
 * stdin and answers each with exactly one line, so that scripts and tests can drive it. See docs/client.md.
 *
 * <p>Exit status: 0 on success; 1 if the request failed (or, in stdin mode, if any command failed); 2 for
 * a usage error. Answers go to stdout; in text mode, the error of a single command goes to stderr.
 */
public final class StrataCli {
    private final PrintStream out;
    private final PrintStream err;

    public StrataCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Before any logger exists: warnings to stderr only, so stdout carries nothing but answers.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/stratadb/client/cli/logback-cli.xml");
        }
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(new StrataCli(stdout, System.err).run(args, stdin));
    }

    /** Runs the CLI; returns the exit status. {@code stdin} is read only when no command is given. */
    public int run(String[] args, BufferedReader stdin) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            err.println("strata-cli: " + e.getMessage());
            err.print(CliOptions.USAGE);
            return Answer.Failure.USAGE;
        }
        if (options.help()) {
            out.print(CliOptions.USAGE);
            out.println(CommandParser.USAGE);
            return 0;
        }
        AnswerFormatter formatter = options.json() ? new JsonAnswerFormatter() : new TextAnswerFormatter();
        try (LazyClient client = new LazyClient(options)) {
            CommandRunner runner = new CommandRunner(client::get, options.serialConsistency() != null
                    ? options.serialConsistency() : StrataClientBuilder.DEFAULT_SERIAL_CONSISTENCY);
            return options.command().isEmpty() ? runStdin(stdin, runner, formatter)
                    : runOne(options, runner, formatter);
        }
    }

    private int runOne(CliOptions options, CommandRunner runner, AnswerFormatter formatter) {
        Answer answer = answer(runner, () -> CommandParser.parse(options.command()));
        String text = formatter.format(answer, false);
        if (answer instanceof Answer.Failure && !options.json()) {
            err.println(text);
        } else {
            out.println(text);
        }
        return answer.exitCode();
    }

    private int runStdin(BufferedReader stdin, CommandRunner runner, AnswerFormatter formatter) {
        boolean anyFailed = false;
        try {
            String line;
            while ((line = stdin.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue; // not a command, so no answer
                }
                Answer answer = answer(runner, () -> CommandParser.parse(CommandLineTokenizer.tokenize(trimmed)));
                anyFailed |= answer instanceof Answer.Failure;
                out.println(formatter.format(answer, true));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anyFailed ? Answer.Failure.REQUEST_FAILED : 0;
    }

    private interface CommandSource {
        CliCommand parse() throws UsageException;
    }

    private static Answer answer(CommandRunner runner, CommandSource source) {
        try {
            return runner.run(source.parse());
        } catch (UsageException e) {
            return Answer.Failure.usage(e.getMessage());
        }
    }

    /** Connects on first use; a failed attempt is retried by the next command. */
    private static final class LazyClient implements AutoCloseable {
        private final CliOptions options;
        private StrataClient client;

        LazyClient(CliOptions options) {
            this.options = options;
        }

        StrataClient get() {
            if (client == null) {
                StrataClientBuilder builder = StrataClient.builder().contactPoints(options.hosts()).ioThreads(1);
                if (options.keyspace() != null) {
                    builder.defaultKeyspace(options.keyspace());
                }
                if (options.consistency() != null) {
                    builder.defaultConsistency(options.consistency());
                }
                if (options.serialConsistency() != null) {
                    builder.defaultSerialConsistency(options.serialConsistency());
                }
                if (options.timeout() != null) {
                    builder.requestTimeout(options.timeout());
                }
                client = builder.build();
            }
            return client;
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
