package io.stratadb.node.replica;

import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.VerbHandler;
import io.stratadb.node.messaging.payload.FailurePayload;

import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Answers a request once its local work completes: the mapped result, or a FAILURE_RESPONSE with why. */
final class Replies {

    private Replies() {
    }

    static <T> java.util.function.BiConsumer<T, Throwable> to(VerbHandler.Replier replier, Function<T, Message> ok) {
        return (value, failure) -> {
            if (failure == null) {
                replier.reply(ok.apply(value));
            } else {
                replier.reply(failure(failure));
            }
        };
    }

    static Message failure(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        FailurePayload.Code code = cause instanceof BoundedStage.StageFullException
                ? FailurePayload.Code.OVERLOADED : FailurePayload.Code.HANDLER_ERROR;
        return Message.of(Verb.FAILURE_RESPONSE, new FailurePayload(code, String.valueOf(cause)));
    }
}
