package io.wem.governance.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.wem.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus' built-in mapper for {@link MismatchedInputException} (unknown fields, wrong types) is more specific than
 * the common JsonProcessingException mapper and answers plain JSON without the field; this puts such errors back
 * into the suite's problem+json shape naming the field. (Proposed for wem-common's ProblemMappers.)
 */
public class JsonInputProblems {
    private final ProblemMappers common = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return common.json(e);
    }
}
