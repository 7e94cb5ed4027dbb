package io.wem.coaching.service;

import io.wem.coaching.domain.Direction;
import io.wem.coaching.domain.InterventionKind;
import io.wem.coaching.domain.OwnerRole;
import io.wem.coaching.domain.PlaybookDefinition;
import io.wem.coaching.domain.PlaybookRules;
import io.wem.coaching.domain.SuccessCriterion;
import io.wem.coaching.domain.Theme;
import io.wem.coaching.persistence.JsonLists;
import io.wem.coaching.persistence.PlaybookEntity;
import io.wem.coaching.persistence.PlaybookVersionEntity;
import io.wem.common.contracts.GapType;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Playbooks as versioned data: every change adds a version; interventions keep the version they were made from. */
@ApplicationScoped
public class PlaybookService {

    @Inject
    Clock clock;

    public record Current(PlaybookEntity playbook, PlaybookVersionEntity version, PlaybookDefinition definition) {
    }

    public static String idFor(String behaviorId, GapType gapType) {
        return "pb-" + behaviorId + "-" + gapType.name().toLowerCase(Locale.ROOT);
    }

    @Transactional
    public List<Current> list(String behaviorId, GapType gapType) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (behaviorId != null) {
            q.append(" and behaviorId = :b");
            params.put("b", behaviorId);
        }
        if (gapType != null) {
            q.append(" and gapType = :g");
            params.put("g", gapType.name());
        }
        q.append(" order by behaviorId, gapType");
        List<PlaybookEntity> all = PlaybookEntity.list(q.toString(), params);
        return all.stream().map(this::current).toList();
    }

    @Transactional
    public Current get(String id) {
        PlaybookEntity p = PlaybookEntity.findById(id);
        if (p == null) {
            throw ProblemException.notFound("playbook " + id);
        }
        return current(p);
    }

    @Transactional
    public List<PlaybookVersionEntity> history(String id) {
        get(id);
        return PlaybookVersionEntity.history(id);
    }

    /** The playbook for a gap, or null when none exists (custom behavior without a playbook). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Current forGap(String behaviorId, GapType gapType) {
        return PlaybookEntity.forGap(behaviorId, gapType.name()).map(this::current).orElse(null);
    }

    @Transactional
    public Current create(PlaybookDefinition def, String actor, String note) {
        validate(def);
        if (PlaybookEntity.forGap(def.behaviorId(), def.gapType().name()).isPresent()) {
            throw ProblemException.conflict("a playbook for behavior " + def.behaviorId() + " and gap type "
                    + def.gapType() + " exists already: change it with PUT");
        }
        PlaybookEntity p = new PlaybookEntity();
        p.id = idFor(def.behaviorId(), def.gapType());
        p.behaviorId = def.behaviorId();
        p.gapType = def.gapType().name();
        p.currentVersion = 1;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        p.persist();
        PlaybookVersionEntity v = toVersion(p.id, 1, def, actor, note);
        v.persist();
        return new Current(p, v, def);
    }

    @Transactional
    public Current update(String id, PlaybookDefinition def, String actor, String note) {
        PlaybookEntity p = PlaybookEntity.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("playbook " + id);
        }
        if (!p.behaviorId.equals(def.behaviorId()) || !p.gapType.equals(def.gapType().name())) {
            throw ProblemException.badRequest("behaviorId", "a playbook's behavior and gap type cannot change ("
                    + p.behaviorId + ", " + p.gapType + ")");
        }
        validate(def);
        p.currentVersion++;
        p.updatedAt = clock.instant();
        PlaybookVersionEntity v = toVersion(p.id, p.currentVersion, def, actor, note);
        v.persist();
        return new Current(p, v, def);
    }

    private static void validate(PlaybookDefinition def) {
        List<PlaybookRules.Violation> violations = PlaybookRules.validate(def);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.validation(violations.stream()
                    .map(x -> new Problem.FieldError(x.field(), x.message())).toList()));
        }
    }

    private Current current(PlaybookEntity p) {
        PlaybookVersionEntity v = PlaybookVersionEntity.of(p.id, p.currentVersion)
                .orElseThrow(() -> new IllegalStateException("playbook " + p.id + " lacks its current version"));
        return new Current(p, v, definition(p, v));
    }

    public static PlaybookDefinition definition(PlaybookEntity p, PlaybookVersionEntity v) {
        return new PlaybookDefinition(p.behaviorId, GapType.valueOf(p.gapType), v.title, InterventionKind.valueOf(v.kind),
                OwnerRole.fromKey(v.ownerRole).orElseThrow(), Duration.parse(v.deadline), v.goal, Theme.valueOf(v.theme),
                JsonLists.read(v.learningItems), JsonLists.read(v.coachingPrompts),
                new SuccessCriterion(v.metric, Direction.valueOf(v.direction), v.relativeImprovement, v.absoluteTarget,
                        Duration.parse(v.followUpWindow)), v.followUpAssessment);
    }

    private static PlaybookVersionEntity toVersion(String id, int version, PlaybookDefinition d, String actor,
                                                   String note) {
        PlaybookVersionEntity v = new PlaybookVersionEntity();
        v.playbookId = id;
        v.version = version;
        v.title = d.title();
        v.kind = d.kind().name();
        v.ownerRole = d.ownerRole().key();
        v.deadline = io.wem.coaching.domain.Durations.format(d.deadline());
        v.goal = d.goal();
        v.theme = d.theme().name();
        v.learningItems = JsonLists.write(d.learningItems());
        v.coachingPrompts = JsonLists.write(d.coachingPrompts());
        v.metric = d.successCriterion().metric();
        v.direction = d.successCriterion().direction().name();
        v.relativeImprovement = d.successCriterion().relativeImprovement();
        v.absoluteTarget = d.successCriterion().absoluteTarget();
        v.followUpWindow = io.wem.coaching.domain.Durations.format(d.successCriterion().followUpWindow());
        v.followUpAssessment = d.followUpAssessment();
        v.changedBy = actor;
        v.changeNote = note;
        v.createdAt = Instant.now();
        return v;
    }
}
