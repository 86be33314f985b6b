package io.stratadb.client.admin;

/** A command line strata-admin cannot understand; the message says what is wrong, for the user. */
final class AdminUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    AdminUsageException(String message) {
        super(message);
    }
}
