package io.stratadb.node.coordinator;

import io.stratadb.node.errors.RequestException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Peels the wrappers futures put around a failure, so callers can look at what really went wrong. */
final class Failures {

    private Failures() {
    }

    /**
     * What the client is told when replicas failed: a request error raised here (UNAVAILABLE, INVALID, ...)
     * as it is; anything a replica or the network did (timeout, overload, a failed handler) as TIMEOUT
     * with the answers received, because some replicas may have applied the request: the outcome is
     * unknown, which is what TIMEOUT promises and no other code does.
     */
    static Throwable asRequestError(Throwable failure, java.util.function.IntFunction<RequestException> timeoutError,
                                    int received) {
        Throwable f = failure == null ? null : unwrap(failure);
        return f instanceof RequestException ? f : timeoutError.apply(received);
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
