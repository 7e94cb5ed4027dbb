package io.wem.wellbeing.service;

import io.quarkus.panache.common.Sort;
import io.wem.common.audit.Audit;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.domain.CoachingTheme;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.persistence.GuardrailDecisionEntity;
import io.wem.wellbeing.persistence.IntensityRepository;
import io.wem.wellbeing.persistence.MonitoringEventEntity;
import io.wem.wellbeing.persistence.ReviewItemEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The human review queue: automated actions a person must approve, and agents' contests of automated decisions.
 * An approved contest takes the contested fact out of the agent's intensity index.
 */
@ApplicationScoped
public class ReviewService {
    public static final String SUBJECT_DECISION = "GUARDRAIL_DECISION";
    public static final String SUBJECT_MONITORING = "MONITORING_EVENT";

    @Inject
    Audit audit;

    @Inject
    IntensityRepository intensity;

    @Transactional
    public List<ReviewItemEntity> queue(String teamId, String status, Caller caller) {
        if (!(caller.hasRole(Roles.SUPERVISOR) && caller.memberOf(teamId))) {
            throw ProblemException.forbidden("not a supervisor of team " + teamId);
        }
        List<ReviewItemEntity> items = "ALL".equals(status)
                ? ReviewItemEntity.list("teamId", Sort.ascending("createdAt"), teamId)
                : ReviewItemEntity.list("teamId = ?1 and status = ?2", Sort.ascending("createdAt"), teamId, status);
        Set<String> agents = new LinkedHashSet<>();
        items.forEach(i -> agents.add(i.agentId));
        agents.forEach(a -> audit.read(caller, a, "wellbeing-service:review-queue", "human review of team " + teamId));
        return items;
    }

    @Transactional
    public ReviewItemEntity decide(String reviewId, boolean approve, String reason, Caller caller) {
        ReviewItemEntity item = ReviewItemEntity.findById(reviewId);
        if (item == null) {
            throw ProblemException.notFound("review " + reviewId);
        }
        if (!(caller.hasRole(Roles.SUPERVISOR) && caller.memberOf(item.teamId))) {
            throw ProblemException.forbidden("not a supervisor of the agent's team");
        }
        if (!ReviewItemEntity.PENDING.equals(item.status)) {
            throw ProblemException.conflict("review " + reviewId + " was already decided: " + item.status);
        }
        item.status = approve ? ReviewItemEntity.APPROVED : ReviewItemEntity.REJECTED;
        item.reviewer = caller.actor();
        item.reviewReason = reason;
        item.decidedAt = Instant.now();
        if (approve && ReviewItemEntity.CONTEST.equals(item.type)) {
            uncount(item);
        }
        audit.change(caller, item.agentId, "DECIDE", "wellbeing-service:review",
                (ReviewItemEntity.CONTEST.equals(item.type) ? "contest " : "automated decision ") + item.status);
        return item;
    }

    @Transactional
    public ReviewItemEntity contest(String subjectType, String subjectId, String statement, Caller caller) {
        String agentId = caller.agentId();
        if (agentId == null) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        String team;
        String actionKind;
        String summary;
        if (SUBJECT_DECISION.equals(subjectType)) {
            GuardrailDecisionEntity d = GuardrailDecisionEntity.findById(subjectId);
            if (d == null || !agentId.equals(d.agentId)) {
                throw ProblemException.notFound("guardrail decision " + subjectId);
            }
            if (!d.automated) {
                throw ProblemException.badRequest("subjectId", "only automated decisions can be contested");
            }
            team = d.teamId;
            actionKind = d.actionKind;
            summary = "Agent contests the automated " + d.actionKind + " (decision " + d.decision + " at "
                    + d.decidedAt + ", requested by " + d.requester + ").";
        } else if (SUBJECT_MONITORING.equals(subjectType)) {
            MonitoringEventEntity m = MonitoringEventEntity.findById(subjectId);
            if (m == null || !agentId.equals(m.agentId)) {
                throw ProblemException.notFound("monitoring event " + subjectId);
            }
            if (!m.automated) {
                throw ProblemException.badRequest("subjectId", "only automated decisions can be contested");
            }
            team = m.teamId;
            actionKind = m.kind;
            summary = "Agent contests the automated " + m.kind + (m.score != null ? " (score " + m.score + ")" : "")
                    + " from " + m.sourceService + " at " + m.occurredAt + ".";
        } else {
            throw ProblemException.badRequest("subjectType", "must be GUARDRAIL_DECISION or MONITORING_EVENT");
        }
        if (ReviewItemEntity.count("type = ?1 and subjectType = ?2 and subjectId = ?3 and status = ?4",
                ReviewItemEntity.CONTEST, subjectType, subjectId, ReviewItemEntity.PENDING) > 0) {
            throw ProblemException.conflict("this decision is already contested and awaiting review");
        }
        ReviewItemEntity item = new ReviewItemEntity();
        item.reviewId = UUID.randomUUID().toString();
        item.type = ReviewItemEntity.CONTEST;
        item.agentId = agentId;
        item.teamId = team;
        item.actionKind = actionKind;
        item.subjectType = subjectType;
        item.subjectId = subjectId;
        item.summary = summary;
        item.statement = statement;
        item.status = ReviewItemEntity.PENDING;
        item.createdAt = Instant.now();
        item.persist();
        audit.change(caller, agentId, "CREATE", "wellbeing-service:contest", "agent contests " + subjectType);
        return item;
    }

    @Transactional
    public List<ReviewItemEntity> myContests(Caller caller) {
        if (caller.agentId() == null) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        List<ReviewItemEntity> items = ReviewItemEntity.list("agentId = ?1 and type = ?2",
                Sort.descending("createdAt"), caller.agentId(), ReviewItemEntity.CONTEST);
        audit.read(caller, caller.agentId(), "wellbeing-service:contests", "agent reads own contests");
        return items;
    }

    /** An overturned automated decision stops counting toward the agent's monitoring intensity. */
    private void uncount(ReviewItemEntity item) {
        if (SUBJECT_MONITORING.equals(item.subjectType)) {
            MonitoringEventEntity m = MonitoringEventEntity.findById(item.subjectId);
            if (m != null && m.counted) {
                intensity.decrement(m.agentId, m.occurredAt, MonitoringKind.valueOf(m.kind), CoachingTheme.parse(m.theme));
                m.counted = false;
            } else if (m != null && m.reference != null) {
                // Counted when the guardrail allowed it: take back the decision's fact instead.
                GuardrailDecisionEntity d = GuardrailDecisionEntity.find("agentId = ?1 and actionKind = ?2 and "
                        + "reference = ?3 and counted = true", m.agentId, m.kind, m.reference).firstResult();
                if (d != null) {
                    intensity.decrement(d.agentId, d.decidedAt, MonitoringKind.valueOf(d.actionKind),
                            CoachingTheme.parse(d.theme));
                    d.counted = false;
                }
            }
        } else {
            GuardrailDecisionEntity d = GuardrailDecisionEntity.findById(item.subjectId);
            if (d != null && d.counted) {
                intensity.decrement(d.agentId, d.decidedAt, MonitoringKind.valueOf(d.actionKind),
                        CoachingTheme.parse(d.theme));
                d.counted = false;
            }
        }
    }
}
