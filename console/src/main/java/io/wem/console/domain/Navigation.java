package io.wem.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which pages the menu lists for a person's realm roles. Only a menu: every page asks the services, which decide
 * (an agent who types the inbox's address gets the service's 403, shown as a page).
 */
public final class Navigation {

    private Navigation() {
    }

    public record Link(String href, String label) {
    }

    public static List<Link> forRoles(Set<String> roles) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("/", "Home"));
        if (roles.contains("agent")) {
            links.add(new Link("/me/plan", "My plan"));
            links.add(new Link("/me/behaviors", "My behaviors"));
            links.add(new Link("/me/wellbeing", "My wellbeing"));
            links.add(new Link("/me/data", "My data"));
            links.add(new Link("/me/visibility", "Who can see my data"));
        }
        if (roles.contains("supervisor") || roles.contains("coach") || roles.contains("process-owner")
                || roles.contains("wfm-planner")) {
            links.add(new Link("/inbox", "Inbox"));
            links.add(new Link("/teams", "Teams"));
            links.add(new Link("/playbooks", "Playbook effectiveness"));
        }
        if (roles.contains("ciso")) {
            links.add(new Link("/ciso/audit", "Audit log"));
            links.add(new Link("/ciso/access", "Access review"));
        }
        if (roles.contains("ciso") || roles.contains("governance-admin")) {
            links.add(new Link("/ciso/access/matrix", "Access matrix"));
            links.add(new Link("/ciso/retention", "Retention policies"));
            links.add(new Link("/ciso/compliance", "Retention compliance"));
            links.add(new Link("/ciso/holds", "Legal holds"));
            links.add(new Link("/ciso/approvals", "Approvals"));
        }
        return links;
    }
}
