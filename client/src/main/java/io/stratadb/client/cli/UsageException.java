package io.stratadb.client.cli;

/** A command line the CLI cannot understand; the message says what is wrong, for the user. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
