package io.nimbusmq.broker.console.api;

import java.util.NoSuchElementException;

import io.nimbusmq.broker.http.Handler;
import io.nimbusmq.broker.http.HttpError;

/**
 * Maps {@link io.nimbusmq.broker.console.ConsoleData}'s exceptions to answers: {@link NoSuchElementException} 404,
 * {@link IllegalArgumentException} 400, {@link IllegalStateException} 409, each with its message.
 */
final class Guarded {

    private Guarded() {
    }

    static Handler guarded(Handler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchElementException e) {
                throw HttpError.notFound(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest(e.getMessage());
            } catch (IllegalStateException e) {
                throw HttpError.conflict(e.getMessage());
            }
        };
    }
}
