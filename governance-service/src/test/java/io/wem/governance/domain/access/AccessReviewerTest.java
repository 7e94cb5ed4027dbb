package io.wem.governance.domain.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessReviewerTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final List<List<String>> SOD = List.of(List.of("ciso", "platform-admin"),
            List.of("governance-admin", "platform-admin"));

    static AccessReviewer.User user(String name, Set<String> roles, boolean enabled, Instant created, Instant last) {
        return new AccessReviewer.User("id-" + name, name, enabled, roles, List.of(), created, last);
    }

    @Test
    void flagsSegregationOfDutiesConflicts() {
        var findings = AccessReviewer.review(List.of(
                user("both", Set.of("ciso", "platform-admin"), true, NOW, NOW),
                user("ok", Set.of("ciso", "governance-admin"), true, NOW, NOW),
                user("admin2", Set.of("governance-admin", "platform-admin", "ciso"), true, NOW, NOW)),
                SOD, Duration.ofDays(90), true, NOW);
        assertEquals(3, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.type().equals("SEGREGATION_OF_DUTIES")));
        assertEquals(1, findings.stream().filter(f -> f.username().equals("both")).count());
        assertEquals(2, findings.stream().filter(f -> f.username().equals("admin2")).count());
    }

    @Test
    void flagsEnabledAccountsWithoutRecentLogin() {
        var findings = AccessReviewer.review(List.of(
                user("stale", Set.of("agent"), true, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(91))),
                user("fresh", Set.of("agent"), true, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(5))),
                user("never", Set.of("agent"), true, NOW.minus(Duration.ofDays(100)), null),
                user("new", Set.of("agent"), true, NOW.minus(Duration.ofDays(3)), null),
                user("disabled", Set.of("agent"), false, NOW.minus(Duration.ofDays(400)), null)),
                SOD, Duration.ofDays(90), true, NOW);
        assertEquals(List.of("stale", "never"), findings.stream().map(AccessReviewer.Finding::username).toList());
    }

    @Test
    void withoutLoginDataSaysSoInsteadOfFlaggingEveryone() {
        var findings = AccessReviewer.review(List.of(user("u", Set.of("agent"), true, NOW.minus(Duration.ofDays(400)),
                null)), SOD, Duration.ofDays(90), false, NOW);
        assertEquals(1, findings.size());
        assertEquals("LOGIN_DATA_UNAVAILABLE", findings.get(0).type());
    }
}
