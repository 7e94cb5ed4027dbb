package io.wem.coaching.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wem.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson maps MismatchedInputException (unknown fields, wrong types, bad enum values) itself, as
 * plain JSON, because it is more specific than the common JsonProcessingException mapper. This routes it back to
 * the suite's problem+json with the field named. Priority 2 so that wem-common's own mapper for it (priority 1,
 * being added there) wins once merged; then this class can be deleted.
 */
public class JsonInputMapper {
    private final ProblemMappers common = new ProblemMappers();

    @ServerExceptionMapper(priority = 2)
    public Response mismatchedInput(MismatchedInputException e) {
        return common.json(e);
    }
}
