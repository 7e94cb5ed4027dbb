package io.wem.wellbeing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wem.common.audit.Audit;
import io.wem.common.events.Events;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.wellbeing.config.WellbeingConfig;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.persistence.TeamPolicyEntity;
import jakarta.enterprise.context.ApplicationScoped;
import io.wem.common.directory.DirectoryLookup;
import io.wem.common.security.AgentScope;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Team policies. Reads are served from memory for {@code policy-cache-ttl} because the guardrail reads the policy
 * on every request; a change is visible at once on the replica that made it and within the TTL elsewhere.
 */
@ApplicationScoped
public class PolicyService {

    public static final String SOURCE_TEAM = "TEAM";
    public static final String SOURCE_DEFAULT = "DEFAULT";

    @Inject
    WellbeingConfig config;

    @Inject
    Audit audit;

    @Inject
    DirectoryLookup directory;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    /** A team's effective policy with where it came from. */
    public record Effective(String teamId, String source, String updatedBy, Instant updatedAt,
                            GuardrailPolicy policy) {
    }

    private record Cached(Effective effective, Instant loadedAt) {
    }

    public GuardrailPolicy policyFor(String teamId) {
        return effective(teamId).policy();
    }

    /** A team's policy as read through the API: the team must be in the directory (404 otherwise). */
    public Effective effectiveOfKnownTeam(String teamId) {
        AgentScope.requireKnown(teamId, directory);
        return effective(teamId);
    }

    public Effective effective(String teamId) {
        if (teamId == null) {
            return new Effective(null, SOURCE_DEFAULT, null, null, GuardrailPolicy.defaults());
        }
        Cached c = cache.get(teamId);
        if (c != null && c.loadedAt().plus(config.policyCacheTtl()).isAfter(Instant.now())) {
            return c.effective();
        }
        Effective e = load(teamId);
        cache.put(teamId, new Cached(e, Instant.now()));
        return e;
    }

    @Transactional
    Effective load(String teamId) {
        TeamPolicyEntity row = TeamPolicyEntity.findById(teamId);
        if (row == null) {
            return new Effective(teamId, SOURCE_DEFAULT, null, null, GuardrailPolicy.defaults());
        }
        try {
            GuardrailPolicy p = Events.mapper().readValue(row.policy, GuardrailPolicy.class).withDefaults();
            return new Effective(teamId, SOURCE_TEAM, row.updatedBy, row.updatedAt, p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy of team " + teamId + " is unreadable", e);
        }
    }

    /** Replaces a team's policy; missing fields take the defaults. Throws 400 naming each invalid field. */
    @Transactional
    public Effective put(String teamId, GuardrailPolicy submitted, Caller caller) {
        if (submitted == null) {
            throw ProblemException.badRequest("body", "a policy is required");
        }
        GuardrailPolicy full = submitted.withDefaults();
        List<GuardrailPolicy.PolicyViolation> errors = full.validate();
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList()));
        }
        AgentScope.requireKnown(teamId, directory);
        TeamPolicyEntity row = TeamPolicyEntity.findById(teamId);
        boolean created = row == null;
        if (created) {
            row = new TeamPolicyEntity();
            row.teamId = teamId;
        }
        row.policy = Events.toJson(full);
        row.updatedBy = caller.actor();
        row.updatedAt = Instant.now();
        if (created) {
            row.persist();
        }
        audit.change(caller, null, "UPDATE", "wellbeing-service:guardrail-policy", "guardrail policy of team " + teamId);
        Effective e = new Effective(teamId, SOURCE_TEAM, row.updatedBy, row.updatedAt, full);
        cache.put(teamId, new Cached(e, Instant.now()));
        return e;
    }
}
