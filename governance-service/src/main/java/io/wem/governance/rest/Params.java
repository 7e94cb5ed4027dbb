package io.wem.governance.rest;

import io.wem.common.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameter parsing that answers 400 problem+json naming the parameter. */
final class Params {
    private Params() {
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.badRequest(field, "must be between " + min + " and " + max);
        }
    }
}
