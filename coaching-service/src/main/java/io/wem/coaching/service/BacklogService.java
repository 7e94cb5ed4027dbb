package io.wem.coaching.service;

import io.wem.coaching.config.CoachingConfig;
import io.wem.coaching.domain.Backlog;
import io.wem.coaching.domain.OwnerRole;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.persistence.OwnerCapacityEntity;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Capacity per owner and the backlog against it. A named owner's key is {@code role:team:person} (their own
 * capacity and backlog); {@code role:team} is the role's fallback queue of unassigned work, whose capacity, unless
 * set explicitly, is the sum of the persons' capacities of that role and team.
 */
@ApplicationScoped
public class BacklogService {
    private static final Pattern KEY = Pattern.compile("^([a-z-]+):([A-Za-z0-9._-]{1,100})(?::([A-Za-z0-9._@-]{1,100}))?$");
    static final List<String> OPEN = List.of("AWAITING_REVIEW", "ASSIGNED", "SCHEDULED", "IN_PROGRESS");

    @Inject
    CoachingConfig config;

    @Inject
    Clock clock;

    @Transactional
    public OwnerCapacityEntity setCapacity(String ownerKey, int weekly, String actor) {
        var m = KEY.matcher(ownerKey);
        if (!m.matches() || OwnerRole.fromKey(m.group(1)).isEmpty()) {
            throw ProblemException.badRequest("ownerKey", "must be role:team or role:team:person with role one of "
                    + "supervisor, coach, trainer, process-owner, wfm-planner");
        }
        OwnerCapacityEntity e = OwnerCapacityEntity.findById(ownerKey);
        if (e == null) {
            e = new OwnerCapacityEntity();
            e.ownerKey = ownerKey;
        }
        e.weeklyCapacity = weekly;
        e.updatedBy = actor;
        e.updatedAt = clock.instant();
        e.persist();
        return e;
    }

    /** Backlogs of the given teams (null = every team). */
    @Transactional
    public List<Backlog.OwnerBacklog> backlog(List<String> teams) {
        List<InterventionEntity> open = teams == null
                ? InterventionEntity.list("state in ?1", OPEN)
                : InterventionEntity.list("state in ?1 and teamId in ?2", OPEN, teams);
        List<Backlog.Item> items = open.stream().map(i -> new Backlog.Item(i.id, i.ownerKey, i.teamId, i.createdAt,
                i.deadline, i.priority)).toList();
        Map<String, Integer> explicit = new HashMap<>();
        Map<String, Integer> persons = new HashMap<>();
        for (OwnerCapacityEntity c : OwnerCapacityEntity.<OwnerCapacityEntity>listAll()) {
            String[] parts = c.ownerKey.split(":");
            if (parts.length == 3) {
                persons.merge(parts[0] + ":" + parts[1], c.weeklyCapacity, Integer::sum);
                explicit.put(c.ownerKey, c.weeklyCapacity);   // a named owner's own backlog
            } else {
                explicit.put(c.ownerKey, c.weeklyCapacity);
            }
        }
        Map<String, Integer> capacities = new HashMap<>(persons);
        capacities.putAll(explicit);
        return Backlog.compute(items, capacities, config.defaultWeeklyCapacity(), clock.instant());
    }
}
