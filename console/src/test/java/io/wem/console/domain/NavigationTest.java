package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavigationTest {

    private static List<String> hrefs(String... roles) {
        return Navigation.forRoles(Set.of(roles)).stream().map(Navigation.Link::href).toList();
    }

    @Test
    void eachKindOfUserSeesTheirPages() {
        assertEquals(List.of("/", "/me/plan", "/me/behaviors", "/me/wellbeing", "/me/data", "/me/visibility"),
                hrefs("agent"));
        assertEquals(List.of("/", "/inbox", "/teams", "/playbooks"), hrefs("coach"));
        assertEquals(List.of("/", "/ciso/audit", "/ciso/access", "/ciso/access/matrix", "/ciso/retention", "/ciso/compliance", "/ciso/holds",
                "/ciso/approvals"), hrefs("ciso"));
        assertEquals(List.of("/", "/ciso/access/matrix", "/ciso/retention", "/ciso/compliance", "/ciso/holds", "/ciso/approvals"),
                hrefs("governance-admin"));
        assertEquals(List.of("/"), hrefs("platform-admin"));
    }
}
