package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingAndPriorityTest {

    static PlaybookDefinition playbook(GapType type, InterventionKind kind, OwnerRole owner) {
        return new PlaybookDefinition("billing-confirmation", type, "t", kind, owner, Duration.ofHours(24), "goal",
                Theme.COMPLIANCE, List.of("item"), List.of("prompt"),
                new SuccessCriterion("confirmation_rate", Direction.INCREASE, 0.15, null, Duration.ofDays(7)), "check");
    }

    @Test
    void skillGoesToThePlaybookOwnerThroughTheGuardrail() {
        Routing.Route r = Routing.route(GapType.SKILL, "team-north", "billing-confirmation",
                playbook(GapType.SKILL, InterventionKind.COACHING_SESSION, OwnerRole.COACH));
        assertTrue(r.agentLevel());
        assertTrue(r.needsGuardrail());
        assertEquals(OwnerRole.COACH, r.ownerRole());
        assertEquals("coach:team-north", r.ownerKey());
        assertNull(r.aggregationKey());
    }

    @Test
    void motivationWithoutPlaybookGoesToTheSupervisor() {
        assertEquals(OwnerRole.SUPERVISOR, Routing.route(GapType.MOTIVATION, "t", "b", null).ownerRole());
    }

    @Test
    void processAndCapacityAreTeamLevelWithoutGuardrail() {
        Routing.Route p = Routing.route(GapType.PROCESS, "team-north", "acw-habits",
                playbook(GapType.PROCESS, InterventionKind.PROCESS_FIX, OwnerRole.PROCESS_OWNER));
        assertFalse(p.agentLevel());
        assertFalse(p.needsGuardrail());
        assertEquals(OwnerRole.PROCESS_OWNER, p.ownerRole());
        assertEquals("team-north|acw-habits|PROCESS", p.aggregationKey());
        // Even a mis-edited playbook cannot send a capacity gap to an agent's coach.
        Routing.Route c = Routing.route(GapType.CAPACITY, "team-north", "acw-habits",
                playbook(GapType.CAPACITY, InterventionKind.COACHING_SESSION, OwnerRole.COACH));
        assertEquals(OwnerRole.WFM_PLANNER, c.ownerRole());
        assertFalse(c.agentLevel());
    }

    @Test
    void priorityGrowsWithEffectAndCustomerImpact() {
        assertEquals(100, Priority.score(2.5, 1.0));
        assertEquals(0, Priority.score(0, 0));
        assertEquals(30, Priority.score(1.0, 0.0));
        assertEquals(70, Priority.score(1.0, 1.0));
        assertTrue(Priority.score(0.8, 0.9) > Priority.score(0.8, 0.1));
        assertEquals(Priority.score(-1.2, 0.5), Priority.score(1.2, 0.5));
        assertEquals(0, Priority.score(Double.NaN, -3));
        assertEquals("P1", Priority.band(80));
        assertEquals("P4", Priority.band(10));
    }

    @Test
    void guardrailOutcomes() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals(InterventionState.ASSIGNED, GuardrailOutcome.apply("ALLOW", null, null, now).next());
        GuardrailOutcome.Outcome defer = GuardrailOutcome.apply("DEFER", now.plusSeconds(3600), List.of("cap"), now);
        assertEquals(InterventionState.DEFERRED, defer.next());
        assertEquals(now.plusSeconds(3600), defer.scheduledFor());
        assertEquals(now.plus(GuardrailOutcome.DEFAULT_DEFERRAL), GuardrailOutcome.apply("DEFER", null, null, now).scheduledFor());
        assertEquals(InterventionState.AWAITING_REVIEW, GuardrailOutcome.apply("REQUIRE_HUMAN_REVIEW", null, null, now).next());
        GuardrailOutcome.Outcome deny = GuardrailOutcome.apply("DENY", null, List.of("at monitoring cap"), now);
        assertEquals(InterventionState.CANCELLED, deny.next());
        assertTrue(deny.reason().contains("at monitoring cap"));
        assertEquals(InterventionState.AWAITING_GUARDRAIL, GuardrailOutcome.apply("MAYBE", null, null, now).next());
        assertEquals(InterventionState.AWAITING_GUARDRAIL, GuardrailOutcome.apply(null, null, null, now).next());
    }

    @Test
    void retryBacksOffAndCaps() {
        Duration base = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(10), GuardrailOutcome.retryDelay(1, base, max));
        assertEquals(Duration.ofSeconds(20), GuardrailOutcome.retryDelay(2, base, max));
        assertEquals(Duration.ofSeconds(80), GuardrailOutcome.retryDelay(4, base, max));
        assertEquals(max, GuardrailOutcome.retryDelay(40, base, max));
    }

    @Test
    void playbookRulesKeepProcessGapsAwayFromAgents() {
        assertTrue(PlaybookRules.validate(playbook(GapType.SKILL, InterventionKind.COACHING_SESSION, OwnerRole.COACH)).isEmpty());
        List<PlaybookRules.Violation> v = PlaybookRules.validate(
                playbook(GapType.PROCESS, InterventionKind.COACHING_SESSION, OwnerRole.COACH));
        assertTrue(v.stream().anyMatch(x -> x.field().equals("kind")));
        assertTrue(v.stream().anyMatch(x -> x.field().equals("ownerRole")));
        PlaybookDefinition both = new PlaybookDefinition("b", GapType.SKILL, "t", InterventionKind.MICRO_LEARNING,
                OwnerRole.TRAINER, Duration.ofDays(40), "g", Theme.DEVELOPMENT, List.of("i"), List.of("p"),
                new SuccessCriterion("m", Direction.DECREASE, 0.1, 5.0, Duration.ofHours(1)), "a");
        List<String> fields = PlaybookRules.validate(both).stream().map(PlaybookRules.Violation::field).toList();
        assertTrue(fields.containsAll(List.of("deadline", "successCriterion", "successCriterion.followUpWindow")), fields.toString());
    }

    @Test
    void durationsReadAsWritten() {
        assertEquals("P7D", Durations.format(Duration.ofDays(7)));
        assertEquals("PT24H", Durations.format(Duration.ofHours(24)));
        assertEquals("PT72H", Durations.format(Duration.ofDays(3)));
        assertEquals("P14D", Durations.format(Duration.ofDays(14)));
        assertEquals("PT36H", Durations.format(Duration.ofHours(36)));
    }

    @Test
    void monitoringEventsMatchTheGuardrailActionWellbeingAllowed() {
        assertEquals("COACHING_SESSION", InterventionKind.COACHING_SESSION.monitoringKind());
        assertEquals("LIVE_MONITORING", InterventionKind.SIDE_BY_SIDE.guardrailActionKind());
        assertEquals("LIVE_MONITORING", InterventionKind.SIDE_BY_SIDE.monitoringKind());
        assertEquals("RECOGNITION", InterventionKind.RECOGNITION.monitoringKind());
        assertEquals("COACHING_SESSION", InterventionKind.RECOGNITION.guardrailActionKind());
        assertNull(InterventionKind.MICRO_LEARNING.monitoringKind());
        assertNull(InterventionKind.PROCESS_FIX.monitoringKind());
    }
}
