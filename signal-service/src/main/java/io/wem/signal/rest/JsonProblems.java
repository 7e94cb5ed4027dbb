package io.wem.signal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.problem.ProblemMappers;

import java.util.List;

/** A Jackson error of the signal batch (which this service parses itself) as a field-naming 400. */
final class JsonProblems {
    private JsonProblems() {
    }

    static ProblemException from(JsonProcessingException e) {
        Problem.FieldError error = ProblemMappers.fieldError(e);
        if (e instanceof InvalidTypeIdException) {
            error = new Problem.FieldError(error.field(), "kind is missing or unknown; one of interaction, "
                    + "qa-evaluation, survey, sentiment, adherence, staffing, transcript, live-monitoring");
        }
        return new ProblemException(Problem.validation(List.of(error)));
    }
}
