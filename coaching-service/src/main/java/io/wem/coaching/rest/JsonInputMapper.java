package io.wem.coaching.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wem.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson maps MismatchedInputException (unknown fields, wrong types, bad enum values) itself, as
 * plain JSON, because it is more specific than the common JsonProcessingException mapper. This routes it back to
 * the suite's problem+json with the field named. (Belongs in wem-common's ProblemMappers; reported to the lead.)
 */
public class JsonInputMapper {
    private final ProblemMappers common = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return common.json(e);
    }
}
