package io.wem.wellbeing.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wem.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships a mapper for MismatchedInputException (unknown fields, wrong types) that is more specific
 * than the common JsonProcessingException mapper and answers in its own shape; this one restores the suite's
 * problem+json naming the field. Belongs in wem-common's ProblemMappers (reported to the lead).
 */
public class JsonInputProblems {
    private final ProblemMappers common = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return common.json(e);
    }
}
