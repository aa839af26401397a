package io.nimbusmq.broker.console.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.nimbusmq.broker.http.HttpError;
import io.nimbusmq.broker.http.Request;

/** Times in query parameters: milliseconds since 1970, or ISO-8601 with a zone ({@code 2025-01-31T12:00:00Z}). */
final class Times {

    private Times() {
    }

    static Optional<Long> parse(Request request, String name) {
        Optional<String> text = request.query(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            long millis = Long.parseLong(value);
            if (millis < 0) {
                throw HttpError.badRequest("The time '" + name + "' cannot be before 1970.");
            }
            return Optional.of(millis);
        } catch (NumberFormatException notANumber) {
            try {
                return Optional.of(Instant.parse(value).toEpochMilli());
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return Optional.of(OffsetDateTime.parse(value).toInstant().toEpochMilli());
                } catch (DateTimeParseException e) {
                    throw HttpError.badRequest("The time '" + name + "' is not a time: '" + value
                            + "'. Use milliseconds since 1970 or ISO-8601 such as 2025-01-31T12:00:00Z.");
                }
            }
        }
    }
}
