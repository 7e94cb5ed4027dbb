package io.wem.signal.service;

import io.quarkus.runtime.StartupEvent;
import io.wem.common.audit.Audit;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.BehaviorRules;
import io.wem.signal.domain.BuiltIns;
import io.wem.signal.domain.SignalRules;
import io.wem.signal.persistence.BehaviorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** The behavior catalog: seeded with the built-ins, changed only by creating new versions. */
@ApplicationScoped
public class BehaviorService {

    @Inject
    BehaviorRepository repository;

    @Inject
    Audit audit;

    @Transactional
    void seed(@Observes StartupEvent start) {
        for (Behavior b : BuiltIns.all()) {
            repository.insert(b, "system:built-in");
        }
    }

    public List<Behavior> enabled() {
        return repository.current().stream().map(BehaviorRepository.Version::behavior).filter(Behavior::enabled).toList();
    }

    @Transactional
    public BehaviorRepository.Version create(Behavior b, Caller caller) {
        validate(b);
        if (repository.current(b.id()).isPresent() || !repository.insert(b.withVersion(1), caller.actor())) {
            throw ProblemException.conflict("behavior " + b.id() + " exists; PUT /api/v1/behaviors/" + b.id()
                    + " creates a new version");
        }
        audit.change(caller, null, "CREATE", "signal-service:behavior/" + b.id(), "behavior catalog change");
        return repository.current(b.id()).orElseThrow();
    }

    @Transactional
    public BehaviorRepository.Version update(Behavior b, Caller caller) {
        validate(b);
        BehaviorRepository.Version current = repository.current(b.id())
                .orElseThrow(() -> ProblemException.notFound("behavior " + b.id()));
        if (!repository.insert(b.withVersion(current.behavior().version() + 1), caller.actor())) {
            throw ProblemException.conflict("behavior " + b.id() + " changed concurrently; retry");
        }
        audit.change(caller, null, "UPDATE", "signal-service:behavior/" + b.id(), "behavior catalog change");
        return repository.current(b.id()).orElseThrow();
    }

    private static void validate(Behavior b) {
        List<SignalRules.FieldError> errors = BehaviorRules.validate(b);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors.stream()
                    .map(e -> new Problem.FieldError(e.field(), e.message())).toList()));
        }
    }
}
