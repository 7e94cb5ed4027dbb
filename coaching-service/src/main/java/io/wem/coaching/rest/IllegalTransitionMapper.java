package io.wem.coaching.rest;

import io.wem.coaching.domain.StateMachine;
import io.wem.common.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An illegal state-machine move is a 409 naming both states. */
public class IllegalTransitionMapper {

    @ServerExceptionMapper
    public Response illegal(StateMachine.IllegalTransitionException e) {
        return new Problem("https://wem.io/problems/illegal-transition", "Illegal transition", 409,
                e.getMessage(), null, java.util.List.of(new Problem.FieldError("to",
                "from " + e.from() + " to " + e.to() + " is not allowed"))).toResponse();
    }
}
