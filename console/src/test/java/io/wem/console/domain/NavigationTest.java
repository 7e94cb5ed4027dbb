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
        assertEquals(List.of("/", "/me/plan", "/me/behaviors", "/me/visibility"), hrefs("agent"));
        assertEquals(List.of("/", "/inbox", "/playbooks"), hrefs("coach"));
        assertEquals(List.of("/", "/ciso/audit", "/ciso/compliance"), hrefs("ciso"));
        assertEquals(List.of("/", "/ciso/compliance"), hrefs("governance-admin"));
        assertEquals(List.of("/"), hrefs("platform-admin"));
    }
}
