package io.wem.governance.domain.access;

import io.wem.common.events.Events;
import io.wem.common.identity.IdentityResource;
import io.wem.common.retention.SubjectResource;
import io.wem.governance.rest.AccessResource;
import io.wem.governance.rest.AuditResource;
import io.wem.governance.rest.LegalHoldResource;
import io.wem.governance.rest.RedactionResource;
import io.wem.governance.rest.RetentionResource;
import io.wem.governance.rest.TransparencyResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** governance-service's part of access-matrix.json must equal what its JAX-RS resources enforce. */
class AccessMatrixTest {

    static final List<Class<?>> RESOURCES = List.of(RedactionResource.class, AuditResource.class,
            RetentionResource.class, LegalHoldResource.class, AccessResource.class, TransparencyResource.class,
            IdentityResource.class, SubjectResource.class,
            io.wem.governance.rest.SubjectRequestResource.class, io.wem.governance.rest.ApprovalResource.class,
            io.wem.governance.rest.InternalLegalHoldResource.class);

    @Test
    void governanceEntriesMatchTheRolesAllowedAnnotations() throws Exception {
        AccessMatrix matrix = Events.mapper().readValue(getClass().getResourceAsStream("/access-matrix.json"),
                AccessMatrix.class);
        Set<String> declared = new TreeSet<>();
        for (AccessMatrix.Endpoint e : matrix.services().get("governance-service")) {
            declared.add(e.method() + " " + e.path() + " " + new TreeSet<>(e.roles()));
        }
        Set<String> enforced = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            RolesAllowed classRoles = resource.getAnnotation(RolesAllowed.class);
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = base + (sub == null ? "" : (sub.value().startsWith("/") ? "" : "/") + sub.value());
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                        : classRoles;
                assertTrue(roles != null, verb + " " + path + " has no @RolesAllowed");
                enforced.add(verb + " " + path + " " + new TreeSet<>(Arrays.asList(roles.value())));
            }
        }
        assertEquals(String.join("\n", enforced), String.join("\n", declared));
    }

    @Test
    void everyServiceIsListedAndDataClassesAreKnown() throws Exception {
        AccessMatrix matrix = Events.mapper().readValue(getClass().getResourceAsStream("/access-matrix.json"),
                AccessMatrix.class);
        assertEquals(Set.of("signal-service", "coaching-service", "wellbeing-service", "governance-service"),
                matrix.services().keySet());
        matrix.services().values().forEach(list -> list.forEach(e -> e.dataClasses().forEach(dc ->
                assertTrue(io.wem.common.contracts.DataClasses.ALL.contains(dc), dc))));
        assertTrue(matrix.humanReadersOf("audit-event").contains("ciso"));
        assertTrue(matrix.humanReadersOf("coaching-record").contains("agent"));
    }
}
